using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// Prints expectations the way conntrack 1.4.8's dump_exp_cb does for <c>-L expect</c> and
/// <c>-G expect</c>: the default line, or with <c>-o xml</c> one &lt;flow&gt; per line after the
/// <c>&lt;expect&gt;</c> header (written before the first one; the footer from <see cref="Finish"/>).
/// <c>-o timestamp</c> prefixes each text line with <c>[seconds.microseconds]\t</c> (printf
/// <c>[%-8ld.%-6ld]\t</c>, left-aligned, unlike the zero-padded prefix of flow events) and adds
/// &lt;when&gt; in XML. The other <c>-o</c> words change nothing for expectations.
/// </summary>
internal sealed class ExpectationPrinter(OutputBuffer output, OutputFlags flags, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private bool _xmlHeaderWritten;

    private bool IsXml => flags.HasFlag(OutputFlags.Xml);

    private bool HasTimestamp => flags.HasFlag(OutputFlags.Timestamp);

    /// <summary>Prints one expectation, or one event about it when <paramref name="eventType"/> is set.</summary>
    public void Print(Expectation expectation, FlowEventType? eventType = null)
    {
        if (IsXml && !_xmlHeaderWritten)
        {
            output.Write(XmlExpectationFormatter.Header);
            _xmlHeaderWritten = true;
        }
        if (HasTimestamp && !IsXml)
            WriteClockPrefix();

        output.BeginRecord(ConntrackQuirks.EventLineLimit);
        if (IsXml)
            XmlExpectationFormatter.Write(output, expectation, eventType, HasTimestamp ? _time.GetLocalNow().DateTime : null);
        else
            DefaultExpectationFormatter.Write(output, expectation, eventType);
        output.EndRecord();
        output.EndLine();
    }

    /// <summary>Writes the XML footer if the header was written, then flushes.</summary>
    public void Finish()
    {
        if (_xmlHeaderWritten)
            output.Write(XmlExpectationFormatter.Footer);
        _xmlHeaderWritten = false;
        output.Flush();
    }

    private void WriteClockPrefix()
    {
        long ticks = _time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks;
        output.Write((byte)'[');
        WriteLeftAligned((ulong)(ticks / TimeSpan.TicksPerSecond), 8);
        output.Write((byte)'.');
        WriteLeftAligned((ulong)(ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond), 6);
        output.Write("]\t"u8);
    }

    private void WriteLeftAligned(ulong value, int width)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
        output.WritePadded(digits[..length], width);
    }
}
