using System.Buffers;
using System.Globalization;
using System.Text;

namespace NetCt.Cli.Exporter.Exposition;

/// <summary>
/// Writes metric families in Prometheus' text format 0.0.4 or in OpenMetrics 1.0 text: a family's HELP
/// and TYPE lines, then its samples, then the next family. Label values and help texts are escaped as
/// each format requires; names are netct's own constants and are written as given.
/// </summary>
/// <remarks>
/// The two formats differ in three places this writer hides from its callers: a counter's TYPE and
/// HELP lines name it without <c>_total</c> in OpenMetrics and with it in 0.0.4; OpenMetrics escapes
/// double quotes in HELP text as well; and OpenMetrics ends with <c># EOF</c>.
/// </remarks>
internal sealed class ExpositionWriter(IBufferWriter<byte> output, ExpositionFormat format)
{
    private const string TotalSuffix = "_total";

    private string _sampleName = "";

    public ExpositionFormat Format { get; } = format;

    /// <summary>Starts a family. <paramref name="name"/> is the name without <c>_total</c>, even for a counter.</summary>
    public void Family(string name, MetricType type, string help)
    {
        _sampleName = type == MetricType.Counter ? name + TotalSuffix : name;
        string familyName = type == MetricType.Counter && Format == ExpositionFormat.PrometheusText ? _sampleName : name;
        WriteAscii("# HELP ");
        WriteAscii(familyName);
        WriteByte((byte)' ');
        WriteEscaped(help, escapeQuotes: Format == ExpositionFormat.OpenMetrics);
        WriteAscii("\n# TYPE ");
        WriteAscii(familyName);
        WriteAscii(type == MetricType.Counter ? " counter\n" : " gauge\n");
    }

    /// <summary>One sample of the current family.</summary>
    public void Sample(double value, params ReadOnlySpan<MetricLabel> labels)
    {
        WriteAscii(_sampleName);
        if (labels.Length > 0)
        {
            WriteByte((byte)'{');
            for (int i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                    WriteByte((byte)',');
                WriteAscii(labels[i].Name);
                WriteAscii("=\"");
                WriteEscaped(labels[i].Value, escapeQuotes: true);
                WriteByte((byte)'"');
            }

            WriteByte((byte)'}');
        }

        WriteByte((byte)' ');
        WriteValue(value);
        WriteByte((byte)'\n');
    }

    /// <summary>Ends the exposition (OpenMetrics requires its <c># EOF</c> line; 0.0.4 has no end marker).</summary>
    public void Finish()
    {
        if (Format == ExpositionFormat.OpenMetrics)
            WriteAscii("# EOF\n");
    }

    private void WriteValue(double value)
    {
        if (double.IsNaN(value))
        {
            WriteAscii("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            WriteAscii(value > 0 ? "+Inf" : "-Inf");
            return;
        }

        Span<byte> span = output.GetSpan(32);
        // "R" is the shortest text that reads back as the same double; integers print without a point.
        if (!value.TryFormat(span, out int written, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("a double did not fit in 32 bytes");
        output.Advance(written);
    }

    // Backslash and newline are escaped everywhere; double quotes in label values, and in OpenMetrics' HELP.
    private void WriteEscaped(string text, bool escapeQuotes)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? escape = text[i] switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '"' when escapeQuotes => "\\\"",
                _ => null,
            };
            if (escape is null)
                continue;
            WriteUtf8(text.AsSpan(start, i - start));
            WriteAscii(escape);
            start = i + 1;
        }

        WriteUtf8(text.AsSpan(start));
    }

    private void WriteAscii(string text) => WriteUtf8(text);

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return;
        Span<byte> span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
