using NetCt.Cli.Labels;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// Prints entries for one command in the format <c>-o</c> selected, the way conntrack 1.4.8 does
/// for that command: default/extended text, XML (header before the first entry, footer from
/// <see cref="Finish"/>), or save lines; or netct's JSON lines (<see cref="JsonFlowWriter"/>).
/// One instance per command run.
/// </summary>
/// <example>
/// <code>
/// using var output = new OutputBuffer(Console.OpenStandardOutput());
/// var printer = FlowPrinter.ForCommand(FlowCommand.List, output, flags, labels);
/// foreach (Flow flow in client.Dump(...)) printer.Print(flow);
/// printer.Finish();
/// </code>
/// </example>
internal sealed class FlowPrinter
{
    private readonly OutputBuffer _output;
    private readonly OutputFlags _flags;
    private readonly FlowTextOptions _options;
    private readonly int _lineLimit;
    private readonly bool _writesXmlHeader;
    private readonly bool _writesXmlFooter;
    private readonly FlowEventType _saveCommand;
    private readonly TextWriter _errors;
    private readonly JsonFlowWriter? _json;
    private ReusableFlowDecoder? _decoder;
    private bool _xmlHeaderWritten;

    private FlowPrinter(
        OutputBuffer output, OutputFlags flags, FlowTextOptions options, int lineLimit,
        bool writesXmlHeader, bool writesXmlFooter, FlowEventType saveCommand, TextWriter? errors, ConnLabelTable? labels)
    {
        _output = output;
        _flags = flags;
        _options = options;
        _lineLimit = lineLimit;
        _writesXmlHeader = writesXmlHeader;
        _writesXmlFooter = writesXmlFooter;
        _saveCommand = saveCommand;
        _errors = errors ?? Console.Error;
        // -o json is netct's own format: every command prints the same object, whatever conntrack's
        // per-command quirks above, with label names whenever a label map was loaded.
        if (flags.HasFlag(OutputFlags.Json))
            _json = new JsonFlowWriter(output, labels);
    }

    /// <summary>
    /// A printer for -L, -G, -U or -D. <paramref name="labels"/> is the map read from connlabel.conf
    /// when conntrack would have read it (see <see cref="ConntrackQuirks.LoadsLabelMap"/>), else null;
    /// null also when it could not be read (conntrack then prints no labels).
    /// </summary>
    /// <remarks>
    /// What conntrack 1.4.8 honours per command: -L and -G print ktimestamp, labels, id and extended,
    /// with a 4095-byte line; -U drops ktimestamp; -D drops ktimestamp and labels and saves as "-D";
    /// -U and -D have a 1023-byte line and no XML header. <c>-o timestamp</c> only affects events.
    /// </remarks>
    public static FlowPrinter ForCommand(
        FlowCommand command, OutputBuffer output, OutputFlags flags,
        ConnLabelTable? labels = null, TimeProvider? time = null, TextWriter? errors = null)
    {
        bool dump = command is FlowCommand.List or FlowCommand.ListDyingOrUnconfirmed or FlowCommand.Get;
        var options = new FlowTextOptions(
            ShowLayer3: flags.HasFlag(OutputFlags.Extended),
            ShowId: flags.HasFlag(OutputFlags.Id),
            ShowKernelTimestamps: dump && flags.HasFlag(OutputFlags.KTimestamp),
            ShowWhen: false,
            Labels: command == FlowCommand.Delete ? null : labels,
            Time: time ?? TimeProvider.System);
        return new FlowPrinter(
            output, flags, options,
            lineLimit: dump ? ConntrackQuirks.DumpLineLimit : ConntrackQuirks.EventLineLimit,
            writesXmlHeader: dump || ConntrackQuirks.UpdateAndDeleteWriteXmlHeader,
            writesXmlFooter: command switch
            {
                FlowCommand.List => true,
                FlowCommand.ListDyingOrUnconfirmed => ConntrackQuirks.DyingAndUnconfirmedWriteXmlFooter,
                FlowCommand.Get => ConntrackQuirks.GetWritesXmlFooter,
                _ => false,
            },
            saveCommand: command == FlowCommand.Delete ? FlowEventType.Destroy : FlowEventType.New,
            errors, labels);
    }

    /// <summary>
    /// A printer for -E (<paramref name="labels"/> as for <see cref="ForCommand"/>). Sets the buffer to
    /// flush after every event, as conntrack does; -E then relaxes that for files (<see cref="EventFlushPolicy"/>).
    /// <c>-o timestamp</c> prefixes each line with <c>[seconds.microseconds]\t</c> (or adds &lt;when&gt;
    /// in XML); the XML header comes with the first event and the footer from <see cref="Finish"/>
    /// (conntrack's SIGINT/SIGTERM handler).
    /// </summary>
    public static FlowPrinter ForEvents(
        OutputBuffer output, OutputFlags flags,
        ConnLabelTable? labels = null, TimeProvider? time = null, TextWriter? errors = null)
    {
        output.LineBuffered = true;
        bool xml = flags.HasFlag(OutputFlags.Xml);
        var options = new FlowTextOptions(
            ShowLayer3: flags.HasFlag(OutputFlags.Extended),
            ShowId: flags.HasFlag(OutputFlags.Id),
            ShowKernelTimestamps: flags.HasFlag(OutputFlags.KTimestamp),
            ShowWhen: xml && flags.HasFlag(OutputFlags.Timestamp),
            Labels: labels,
            Time: time ?? TimeProvider.System);
        return new FlowPrinter(
            output, flags, options, ConntrackQuirks.EventLineLimit,
            writesXmlHeader: true, writesXmlFooter: true, saveCommand: FlowEventType.New, errors, labels);
    }

    /// <summary>Prints one entry of -L, -G, -U or -D.</summary>
    public void Print(Flow flow)
    {
        if (_json is not null)
        {
            _json.Write(flow);
            return;
        }
        WriteLine(flow, eventType: null, _saveCommand);
        _output.EndLine();
    }

    /// <summary>
    /// Prints one entry of a listing as the dump hands it over: the plain line straight from the
    /// message's bytes, through the entry's view (<see cref="FlowViewFields"/>; read already when
    /// the dump judged it with a filter); other formats, and a message the view declines, through a
    /// decoded <see cref="Flow"/> as <see cref="Print(Flow)"/>.
    /// </summary>
    public void Print(ref DumpedEntry entry)
    {
        if (_json is null && !IsSave && !IsXml && entry.HasView)
        {
            WriteLine(ref FlowViewFields.Of(ref entry.View));
            _output.EndLine();
            return;
        }
        Print((_decoder ??= new ReusableFlowDecoder()).Decode(entry.Message));
    }

    // A line that cannot reach the limit (nearly every line) is written without a check per
    // write; one that might is written into a record and cut there, as conntrack's buffer cuts it.
    private void WriteLine(ref FlowViewFields fields)
    {
        int longest = DefaultFlowFormatter.LongestLine(ref fields, _options);
        if (longest >= 0 && longest <= _lineLimit)
        {
            var line = new UncheckedLineWriter(_output.GetSpan(longest)[..longest]);
            DefaultFlowFormatter.Write(ref line, ref fields, _options);
            _output.Advance(line.Length);
            return;
        }
        _output.BeginRecord(_lineLimit);
        var record = new RecordLineWriter(_output);
        DefaultFlowFormatter.Write(ref record, ref fields, _options);
        _output.EndRecord();
    }

    /// <summary>
    /// Prints one event. <paramref name="senderPortId"/> is the netlink portid of the process that
    /// caused it (0 for the kernel), <paramref name="senderProgram"/> its name if it could be found.
    /// </summary>
    public void PrintEvent(Flow flow, FlowEventType eventType, uint senderPortId = 0, string? senderProgram = null)
    {
        if (_json is not null)
        {
            _json.Write(flow, eventType, EventTime(flow), senderPortId, senderProgram);
            return;
        }
        if (!IsSave && !IsXml && (_flags & OutputFlags.Timestamp) != 0)
            WriteEventTimestamp(flow);

        WriteLine(flow, eventType, eventType);

        if (senderPortId != 0 && ConntrackQuirks.WritesUserspaceSuffix(_flags))
        {
            _output.Write(" [USERSPACE] portid="u8);
            _output.WriteDecimal(senderPortId);
            if (senderProgram is not null)
            {
                _output.Write(" progname="u8);
                _output.WriteUtf8(senderProgram);
            }
        }
        _output.EndLine();
    }

    /// <summary>
    /// Prints an entry re-read after an overrun (<c>-E --resync</c>): <c>[RESYNC] </c>, then the entry
    /// as <c>-L</c> prints it in the selected format (XML and save lines too), so a consumer can tell
    /// the snapshot from events.
    /// </summary>
    public void PrintResync(Flow flow)
    {
        _output.Write(ResyncMarker);
        WriteLine(flow, eventType: null, FlowEventType.New);
        _output.EndLine();
    }

    /// <summary>What starts every line of <see cref="PrintResync"/>.</summary>
    public static ReadOnlySpan<byte> ResyncMarker => "[RESYNC] "u8;

    /// <summary>Writes the XML footer if this command prints one and the header was written, then flushes.</summary>
    public void Finish()
    {
        if (_xmlHeaderWritten && _writesXmlFooter)
            _output.Write(XmlFlowFormatter.Footer);
        _xmlHeaderWritten = false;
        _output.Flush();
    }

    // Bit tests rather than Enum.HasFlag, which boxes both operands wherever the JIT does not
    // optimise (Debug test runs), so that DumpAllocationTests sees the per-entry path as it ships.
    private bool IsSave => (_flags & OutputFlags.Save) != 0;

    private bool IsXml => (_flags & OutputFlags.Xml) != 0;

    private void WriteLine(Flow flow, FlowEventType? eventType, FlowEventType saveCommand)
    {
        if (IsSave)
        {
            WriteSave(flow, saveCommand);
            return;
        }
        if (IsXml && _writesXmlHeader && !_xmlHeaderWritten)
        {
            _output.Write(XmlFlowFormatter.Header);
            _xmlHeaderWritten = true;
        }

        _output.BeginRecord(_lineLimit);
        if (IsXml)
            XmlFlowFormatter.Write(_output, flow, eventType, _options);
        else
            DefaultFlowFormatter.Write(_output, flow, eventType, _options);
        _output.EndRecord();
    }

    private void WriteSave(Flow flow, FlowEventType command)
    {
        _output.BeginRecord(_lineLimit);
        bool complete = SaveFlowFormatter.Write(_output, flow, command);
        _output.EndRecord();
        if (!complete)
            _errors.WriteLine(ConntrackQuirks.SaveUnsupportedFamilyWarning, flow.Original is null && flow.Reply is null ? 0 : (byte)flow.Family);
    }

    // The kernel's event time (CTA_TIMESTAMP_EVENT) if sent, else the clock, in nanoseconds.
    private ulong EventTime(Flow flow) =>
        flow.EventTimestamp ?? (ulong)(_options.Time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * TimeSpan.NanosecondsPerTick;

    // "[%-.8ld.%-.6ld]\t".
    private void WriteEventTimestamp(Flow flow)
    {
        ulong nanoseconds = EventTime(flow);
        ulong seconds = nanoseconds / FlowFields.NanosecondsPerSecond;
        ulong microseconds = nanoseconds % FlowFields.NanosecondsPerSecond / 1000;
        _output.Write((byte)'[');
        _output.WriteDecimal(seconds, 8);
        _output.Write((byte)'.');
        _output.WriteDecimal(microseconds, 6);
        _output.Write("]\t"u8);
    }
}
