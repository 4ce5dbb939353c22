using NetCt.Cli.Labels;
using NetCt.Cli.Libc;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's plain text line (libnetfilter_conntrack __snprintf_conntrack_default):
/// <c>tcp      6 117 ESTABLISHED src=… dst=… sport=… dport=… [UNREPLIED] src=… … [ASSURED] mark=0 use=1</c>.
/// Every field is written with a trailing blank and the last blank is removed at the end, as the
/// library does, so the caller must have opened a record on the buffer.
/// </summary>
internal static class DefaultFlowFormatter
{
    public static void Write(OutputBuffer output, Flow flow, FlowEventType? eventType, in FlowTextOptions options)
    {
        var fields = new DecodedFlowFields(flow);
        Write(output, ref fields, eventType, options);
    }

    /// <summary>The same line for an entry read in place from its message (the listing's path).</summary>
    public static void Write(OutputBuffer output, ref FlowViewFields view, in FlowTextOptions options) =>
        Write(output, ref view, eventType: null, options);

    // Written once for both sources; the compiler makes a copy of it for each.
    private static void Write<TFields>(OutputBuffer output, ref TFields flow, FlowEventType? eventType, in FlowTextOptions options)
        where TFields : IFlowLineFields, allows ref struct
    {
        WriteEventType(output, eventType);

        byte family = (byte)flow.Family;
        if (options.ShowLayer3)
            WriteNameAndNumber(output, ProtocolNames.Layer3(family), family);

        TupleFields original = flow.Tuple(TupleSide.Original);
        WriteNameAndNumber(output, ProtocolNames.Protocol(original.Protocol), original.Protocol);

        if (flow.Timeout is { } timeout)
            WriteNumberField(output, ""u8, timeout);
        if (flow.TcpState is { } tcpState)
            WriteWord(output, ProtocolNames.TcpState((byte)tcpState));
        if (flow.SctpState is { } sctpState)
            WriteWord(output, ProtocolNames.SctpState((byte)sctpState));
        if (flow.DccpState is { } dccpState)
            WriteWord(output, ProtocolNames.DccpState((byte)dccpState));

        WriteTuple(output, ref flow, TupleSide.Original, in original, "zone-orig="u8);

        if (flow.Status is { } unrepliedStatus && (unrepliedStatus & FlowStatus.SeenReply) == 0)
            output.Write("[UNREPLIED] "u8);

        TupleFields reply = flow.Tuple(TupleSide.Reply);
        WriteTuple(output, ref flow, TupleSide.Reply, in reply, "zone-reply="u8);

        if (flow.Status is { } status)
            WriteAssured(output, status);
        if (flow.Mark is { } mark)
            WriteNumberField(output, "mark="u8, mark);
        if (flow.Secmark is { } secmark)
            WriteNumberField(output, "secmark="u8, secmark);
        if (flow.HasSecurityContext)
        {
            output.Write("secctx="u8);
            flow.WriteSecurityContext(output);
            output.WriteSpace();
        }
        if (flow.Zone is { } zone)
            WriteNumberField(output, "zone="u8, zone);

        if (flow.Timestamps is { } timestamps)
            WriteTimestamps(output, timestamps, options);

        if (flow.HasHelper)
        {
            output.Write("helper="u8);
            flow.WriteHelper(output);
            output.WriteSpace();
        }
        if (flow.Use is { } use)
            WriteNumberField(output, "use="u8, use);
        if (options.ShowId && flow.Id is { } id)
            WriteNumberField(output, "id="u8, id);
        if (options.Labels is { } map && flow.TryGetLabels(out ReadOnlySpan<byte> labels))
            WriteLabels(output, labels, map);

        output.TrimRecordEnd(1);
    }

    // "%9s ": the event name right-aligned in nine columns.
    public static void WriteEventType(OutputBuffer output, FlowEventType? eventType)
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
    private static void WriteNameAndNumber(OutputBuffer output, ReadOnlySpan<byte> name, byte number)
    {
        output.WritePadded(name, 8);
        output.WriteSpace();
        output.WriteDecimal((ulong)number);
        output.WriteSpace();
    }

    // The tuple's numbers are read once per line and passed by reference: copied into the call,
    // the struct was written in pieces and read back whole, a stalled load on every line.
    private static void WriteTuple<TFields>(OutputBuffer output, ref TFields flow, TupleSide side, in TupleFields tuple, ReadOnlySpan<byte> zoneLabel)
        where TFields : IFlowLineFields, allows ref struct
    {
        if (tuple.IsPresent && FlowFields.PrintsAddresses(flow.Family))
        {
            output.Write("src="u8);
            flow.WriteSource(output, side);
            output.Write(" dst="u8);
            flow.WriteDestination(output, side);
            output.WriteSpace();
        }
        if (tuple.IsPresent)
        {
            WriteProtocolFields(output, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort, tuple.IcmpType, tuple.IcmpCode, tuple.IcmpId);
            if (tuple.Zone is { } zone)
                WriteNumberField(output, zoneLabel, zone);
        }
        if (flow.Counters(side) is { } value)
        {
            WriteNumberField(output, "packets="u8, value.Packets);
            WriteNumberField(output, "bytes="u8, value.Bytes);
        }
    }

    // __snprintf_proto: a field the kernel did not send prints as 0, as the library's zeroed struct does.
    public static void WriteProtocolFields(OutputBuffer output, FlowTuple tuple) =>
        WriteProtocolFields(
            output, tuple.Protocol ?? 0, tuple.SourcePort ?? 0, tuple.DestinationPort ?? 0,
            tuple.IcmpType ?? 0, tuple.IcmpCode ?? 0, tuple.IcmpId ?? 0);

    private static void WriteProtocolFields(
        OutputBuffer output, byte protocol, ushort sourcePort, ushort destinationPort, byte icmpType, byte icmpCode, ushort icmpId)
    {
        if (ProtocolNumbers.HasPorts(protocol))
        {
            WriteNumberField(output, "sport="u8, sourcePort);
            WriteNumberField(output, "dport="u8, destinationPort);
        }
        else if (protocol == IpProtocols.IPPROTO_GRE)
        {
            output.Write("srckey=0x"u8);
            output.WriteHex(sourcePort);
            output.Write(" dstkey=0x"u8);
            output.WriteHex(destinationPort);
            output.WriteSpace();
        }
        else if (ProtocolNumbers.IsIcmp(protocol))
        {
            WriteNumberField(output, "type="u8, icmpType);
            WriteNumberField(output, "code="u8, icmpCode);
            WriteNumberField(output, "id="u8, icmpId);
        }
    }

    // Offload outranks ASSURED: an offloaded flow shows [OFFLOAD] or [HW_OFFLOAD] instead.
    private static void WriteAssured(OutputBuffer output, FlowStatus status)
    {
        if ((status & FlowStatus.HardwareOffload) != 0)
            output.Write("[HW_OFFLOAD] "u8);
        else if ((status & FlowStatus.Offload) != 0)
            output.Write("[OFFLOAD] "u8);
        else if ((status & FlowStatus.Assured) != 0)
            output.Write("[ASSURED] "u8);
    }

    private static void WriteTimestamps(OutputBuffer output, FlowTimestamps timestamps, in FlowTextOptions options)
    {
        // delta-time is printed without -o ktimestamp; a live entry (no stop) is measured against now.
        long start = FlowFields.Seconds(timestamps.Start);
        long stop = timestamps.Stop is { } stopNs and not 0 ? FlowFields.Seconds(stopNs) : FlowFields.Now(options.Time);
        WriteNumberField(output, "delta-time="u8, unchecked((ulong)(stop - start)));

        if (!options.ShowKernelTimestamps)
            return;
        TimeZoneInfo zone = options.Time.LocalTimeZone;
        output.Write("[start="u8);
        WriteCTime(output, start, zone);
        output.Write("] "u8);
        if (timestamps.Stop is { } stopTime)
        {
            output.Write("[stop="u8);
            WriteCTime(output, FlowFields.Seconds(stopTime), zone);
            output.Write("] "u8);
        }
    }

    private static void WriteCTime(OutputBuffer output, long unixSeconds, TimeZoneInfo zone)
    {
        Span<byte> text = stackalloc byte[CTime.MaxLength];
        output.Write(text[..CTime.Format(unixSeconds, zone, text)]);
    }

    private static void WriteLabels(OutputBuffer output, ReadOnlySpan<byte> labels, ConnLabelTable map)
    {
        output.Write("labels="u8);
        if (FlowFields.WriteLabelNames(output, labels, map, ""u8, ","u8) == 0)
        {
            output.TrimRecordEnd("labels="u8.Length);
            output.Write(ConntrackQuirks.LabelsWithoutNames);
            return;
        }
        output.TrimRecordEnd(1); // the last comma
        output.WriteSpace();
    }

    private static void WriteWord(OutputBuffer output, ReadOnlySpan<byte> word)
    {
        output.Write(word);
        output.WriteSpace();
    }

    private static void WriteNumberField(OutputBuffer output, ReadOnlySpan<byte> label, ulong value)
    {
        output.Write(label);
        output.WriteDecimal(value);
        output.WriteSpace();
    }
}
