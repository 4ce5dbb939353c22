using System.Runtime.CompilerServices;
using NetCt.Cli.Labels;
using NetCt.Cli.Libc;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's plain text line (libnetfilter_conntrack __snprintf_conntrack_default):
/// <c>tcp      6 117 ESTABLISHED src=… dst=… sport=… dport=… [UNREPLIED] src=… … [ASSURED] mark=0 use=1</c>.
/// Every field is written with a trailing blank and the last blank is removed at the end, as the
/// library does: into a record opened on the buffer, or into room the whole line fits in
/// (<see cref="LongestLine"/>, <see cref="UncheckedLineWriter"/>).
/// </summary>
internal static class DefaultFlowFormatter
{
    /// <summary>
    /// The longest line <see cref="Write{TWriter}(ref TWriter, ref FlowViewFields, in FlowTextOptions)"/>
    /// writes for an entry without a helper, a security context or label names, every field at
    /// its longest: the event name 10; "unknown  255 " twice 26; the timeout 11; a TCP, an SCTP
    /// and a DCCP state 39; two tuples of 201 (two 45-byte addresses with "src=", " dst=" and a
    /// blank 100, GRE keys 28, "zone-reply=" 17, 64-bit counters 56); "[UNREPLIED] " 12,
    /// "[HW_OFFLOAD] " 13; mark 16, secmark 19, zone 11; delta-time 32, start 33 and stop 32
    /// (24-byte ctime); use 15, id 14: 685 bytes.
    /// </summary>
    public const int LongestLineWithoutNames = 685;

    /// <summary>Writes a decoded entry's line into the record open on <paramref name="output"/>.</summary>
    public static void Write(OutputBuffer output, Flow flow, FlowEventType? eventType, in FlowTextOptions options)
    {
        var fields = new DecodedFlowFields(flow);
        var line = new RecordLineWriter(output);
        Write(ref line, ref fields, eventType, options);
    }

    /// <summary>The same line for an entry read in place from its message (the listing's path).</summary>
    public static void Write<TWriter>(ref TWriter output, ref FlowViewFields view, in FlowTextOptions options)
        where TWriter : ILineWriter, allows ref struct =>
        Write(ref output, ref view, eventType: null, options);

    /// <summary>
    /// The longest line <paramref name="view"/> can give (its names' lengths added to
    /// <see cref="LongestLineWithoutNames"/>), or -1 when label names are printed, whose lengths
    /// are only known as they are written.
    /// </summary>
    public static int LongestLine(ref FlowViewFields view, in FlowTextOptions options)
    {
        if (options.Labels is not null && view.TryGetLabels(out _))
            return -1;
        int longest = LongestLineWithoutNames;
        if (view.HasSecurityContext)
            longest += "secctx= "u8.Length + view.SecurityContextLength;
        if (view.HasHelper)
            longest += "helper= "u8.Length + view.HelperLength;
        return longest;
    }

    // Written once for both sources; the compiler makes a copy of it for each.
    private static void Write<TFields, TWriter>(ref TWriter output, ref TFields flow, FlowEventType? eventType, in FlowTextOptions options)
        where TFields : IFlowLineFields, allows ref struct
        where TWriter : ILineWriter, allows ref struct
    {
        WriteEventType(ref output, eventType);

        byte family = (byte)flow.Family;
        if (options.ShowLayer3)
            WriteNameAndNumber(ref output, ProtocolNames.Layer3(family), family);

        TupleFields original = flow.Tuple(TupleSide.Original);
        WriteNameAndNumber(ref output, ProtocolNames.Protocol(original.Protocol), original.Protocol);

        if (flow.Timeout is { } timeout)
            WriteNumberField(ref output, ""u8, timeout);
        if (flow.TcpState is { } tcpState)
            WriteWord(ref output, ProtocolNames.TcpState((byte)tcpState));
        if (flow.SctpState is { } sctpState)
            WriteWord(ref output, ProtocolNames.SctpState((byte)sctpState));
        if (flow.DccpState is { } dccpState)
            WriteWord(ref output, ProtocolNames.DccpState((byte)dccpState));

        WriteTuple(ref output, ref flow, TupleSide.Original, in original, "zone-orig="u8);

        if (flow.Status is { } unrepliedStatus && (unrepliedStatus & FlowStatus.SeenReply) == 0)
            output.Write("[UNREPLIED] "u8);

        TupleFields reply = flow.Tuple(TupleSide.Reply);
        WriteTuple(ref output, ref flow, TupleSide.Reply, in reply, "zone-reply="u8);

        if (flow.Status is { } status)
            WriteAssured(ref output, status);
        if (flow.Mark is { } mark)
            WriteNumberField(ref output, "mark="u8, mark);
        if (flow.Secmark is { } secmark)
            WriteNumberField(ref output, "secmark="u8, secmark);
        if (flow.HasSecurityContext)
        {
            output.Write("secctx="u8);
            flow.WriteSecurityContext(ref output);
            output.Write((byte)' ');
        }
        if (flow.Zone is { } zone)
            WriteNumberField(ref output, "zone="u8, zone);

        if (flow.Timestamps is { } timestamps)
            WriteTimestamps(ref output, timestamps, options);

        if (flow.HasHelper)
        {
            output.Write("helper="u8);
            flow.WriteHelper(ref output);
            output.Write((byte)' ');
        }
        if (flow.Use is { } use)
            WriteNumberField(ref output, "use="u8, use);
        if (options.ShowId && flow.Id is { } id)
            WriteNumberField(ref output, "id="u8, id);
        if (options.Labels is { } map && flow.TryGetLabels(out ReadOnlySpan<byte> labels))
            WriteLabels(ref output, labels, map);

        output.TrimEnd(1);
    }

    // "%9s ": the event name right-aligned in nine columns.
    public static void WriteEventType<TWriter>(ref TWriter output, FlowEventType? eventType)
        where TWriter : ILineWriter, allows ref struct
    {
        switch (eventType)
        {
            case FlowEventType.New:
                output.Write("    [NEW] "u8);
                break;
            case FlowEventType.Update:
                output.Write(" [UPDATE] "u8);
                break;
            case FlowEventType.Destroy:
                output.Write("[DESTROY] "u8);
                break;
        }
    }

    // "%-8s %u "
    private static void WriteNameAndNumber<TWriter>(ref TWriter output, ReadOnlySpan<byte> name, byte number)
        where TWriter : ILineWriter, allows ref struct
    {
        output.WritePadded(name, 8);
        output.Write((byte)' ');
        output.WriteDecimal((ulong)number);
        output.Write((byte)' ');
    }

    // The tuple's numbers are read once per line and passed by reference: copied into the call,
    // the struct was written in pieces and read back whole, a stalled load on every line.
    private static void WriteTuple<TFields, TWriter>(ref TWriter output, ref TFields flow, TupleSide side, in TupleFields tuple, ReadOnlySpan<byte> zoneLabel)
        where TFields : IFlowLineFields, allows ref struct
        where TWriter : ILineWriter, allows ref struct
    {
        if (tuple.IsPresent && FlowFields.PrintsAddresses(flow.Family))
        {
            output.Write("src="u8);
            flow.WriteSource(ref output, side);
            output.Write(" dst="u8);
            flow.WriteDestination(ref output, side);
            output.Write((byte)' ');
        }
        if (tuple.IsPresent)
        {
            WriteProtocolFields(ref output, in tuple);
            if (tuple.Zone is { } zone)
                WriteNumberField(ref output, zoneLabel, zone);
        }
        if (flow.Counters(side) is { } value)
        {
            WriteNumberField(ref output, "packets="u8, value.Packets);
            WriteNumberField(ref output, "bytes="u8, value.Bytes);
        }
    }

    // __snprintf_proto: a field the kernel did not send prints as 0, as the library's zeroed struct does.
    public static void WriteProtocolFields<TWriter>(ref TWriter output, FlowTuple tuple)
        where TWriter : ILineWriter, allows ref struct
    {
        TupleFields fields = TupleFields.Of(tuple);
        WriteProtocolFields(ref output, in fields);
    }

    private static void WriteProtocolFields<TWriter>(ref TWriter output, in TupleFields tuple)
        where TWriter : ILineWriter, allows ref struct
    {
        byte protocol = tuple.Protocol;
        if (ProtocolNumbers.HasPorts(protocol))
        {
            WriteNumberField(ref output, "sport="u8, tuple.SourcePort);
            WriteNumberField(ref output, "dport="u8, tuple.DestinationPort);
        }
        else if (protocol == IpProtocols.IPPROTO_GRE)
        {
            output.Write("srckey=0x"u8);
            output.WriteHex(tuple.SourcePort);
            output.Write(" dstkey=0x"u8);
            output.WriteHex(tuple.DestinationPort);
            output.Write((byte)' ');
        }
        else if (ProtocolNumbers.IsIcmp(protocol))
        {
            WriteNumberField(ref output, "type="u8, tuple.IcmpType);
            WriteNumberField(ref output, "code="u8, tuple.IcmpCode);
            WriteNumberField(ref output, "id="u8, tuple.IcmpId);
        }
    }

    // Offload outranks ASSURED: an offloaded flow shows [OFFLOAD] or [HW_OFFLOAD] instead.
    private static void WriteAssured<TWriter>(ref TWriter output, FlowStatus status)
        where TWriter : ILineWriter, allows ref struct
    {
        if ((status & FlowStatus.HardwareOffload) != 0)
            output.Write("[HW_OFFLOAD] "u8);
        else if ((status & FlowStatus.Offload) != 0)
            output.Write("[OFFLOAD] "u8);
        else if ((status & FlowStatus.Assured) != 0)
            output.Write("[ASSURED] "u8);
    }

    private static void WriteTimestamps<TWriter>(ref TWriter output, FlowTimestamps timestamps, in FlowTextOptions options)
        where TWriter : ILineWriter, allows ref struct
    {
        // delta-time is printed without -o ktimestamp; a live entry (no stop) is measured against now.
        long start = FlowFields.Seconds(timestamps.Start);
        long stop = timestamps.Stop is { } stopNs and not 0 ? FlowFields.Seconds(stopNs) : FlowFields.Now(options.Time);
        WriteNumberField(ref output, "delta-time="u8, unchecked((ulong)(stop - start)));

        if (!options.ShowKernelTimestamps)
            return;
        TimeZoneInfo zone = options.Time.LocalTimeZone;
        output.Write("[start="u8);
        WriteCTime(ref output, start, zone);
        output.Write("] "u8);
        if (timestamps.Stop is { } stopTime)
        {
            output.Write("[stop="u8);
            WriteCTime(ref output, FlowFields.Seconds(stopTime), zone);
            output.Write("] "u8);
        }
    }

    private static void WriteCTime<TWriter>(ref TWriter output, long unixSeconds, TimeZoneInfo zone)
        where TWriter : ILineWriter, allows ref struct
    {
        Span<byte> text = stackalloc byte[CTime.MaxLength];
        output.Write(text[..CTime.Format(unixSeconds, zone, text)]);
    }

    private static void WriteLabels<TWriter>(ref TWriter output, ReadOnlySpan<byte> labels, ConnLabelTable map)
        where TWriter : ILineWriter, allows ref struct
    {
        output.Write("labels="u8);
        if (FlowFields.WriteLabelNames(ref output, labels, map, ""u8, ","u8) == 0)
        {
            output.TrimEnd("labels="u8.Length);
            output.Write(ConntrackQuirks.LabelsWithoutNames);
            return;
        }
        output.TrimEnd(1); // the last comma
        output.Write((byte)' ');
    }

    private static void WriteWord<TWriter>(ref TWriter output, ReadOnlySpan<byte> word)
        where TWriter : ILineWriter, allows ref struct
    {
        output.Write(word);
        output.Write((byte)' ');
    }

    // Inlined, so that each label is a constant its copy is unrolled for (a call to memmove otherwise).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteNumberField<TWriter>(ref TWriter output, ReadOnlySpan<byte> label, ulong value)
        where TWriter : ILineWriter, allows ref struct
    {
        output.Write(label);
        output.WriteDecimal(value);
        output.Write((byte)' ');
    }
}
