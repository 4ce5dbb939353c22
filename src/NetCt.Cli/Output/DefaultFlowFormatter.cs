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
        WriteEventType(output, eventType);

        byte family = (byte)flow.Family;
        if (options.ShowLayer3)
            WriteNameAndNumber(output, ProtocolNames.Layer3(family), family);

        byte protocol = flow.Original?.Protocol ?? 0;
        WriteNameAndNumber(output, ProtocolNames.Protocol(protocol), protocol);

        if (flow.Timeout is { } timeout)
            WriteNumberField(output, ""u8, timeout);
        if (flow.Tcp?.State is { } tcpState)
            WriteWord(output, ProtocolNames.TcpState((byte)tcpState));
        if (flow.Sctp?.State is { } sctpState)
            WriteWord(output, ProtocolNames.SctpState((byte)sctpState));
        if (flow.Dccp?.State is { } dccpState)
            WriteWord(output, ProtocolNames.DccpState((byte)dccpState));

        WriteTuple(output, flow.Original, flow.Family, "zone-orig="u8, flow.OriginalCounters);

        if (flow.Status is { } unrepliedStatus && (unrepliedStatus & FlowStatus.SeenReply) == 0)
            output.Write("[UNREPLIED] "u8);

        WriteTuple(output, flow.Reply, flow.Family, "zone-reply="u8, flow.ReplyCounters);

        if (flow.Status is { } status)
            WriteAssured(output, status);
        if (flow.Mark is { } mark)
            WriteNumberField(output, "mark="u8, mark);
        if (flow.Secmark is { } secmark)
            WriteNumberField(output, "secmark="u8, secmark);
        if (flow.SecurityContext is { } securityContext)
            WriteTextField(output, "secctx="u8, securityContext);
        if (flow.Zone is { } zone)
            WriteNumberField(output, "zone="u8, zone);

        if (flow.Timestamps is { } timestamps)
            WriteTimestamps(output, timestamps, options);

        if (flow.Helper is { } helper)
            WriteTextField(output, "helper="u8, helper);
        if (flow.Use is { } use)
            WriteNumberField(output, "use="u8, use);
        if (options.ShowId && flow.Id is { } id)
            WriteNumberField(output, "id="u8, id);
        if (options.Labels is { } map && flow.Labels is { } labels)
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

    private static void WriteTuple(OutputBuffer output, FlowTuple? tuple, IpFamily family, ReadOnlySpan<byte> zoneLabel, Counters? counters)
    {
        if (tuple is not null && FlowFields.PrintsAddresses(family))
        {
            output.Write("src="u8);
            FlowFields.WriteAddress(output, tuple.Source, family);
            output.Write(" dst="u8);
            FlowFields.WriteAddress(output, tuple.Destination, family);
            output.WriteSpace();
        }
        if (tuple is not null)
            WriteProtocolFields(output, tuple);
        if (tuple?.Zone is { } zone)
            WriteNumberField(output, zoneLabel, zone);
        if (counters is { } value)
        {
            WriteNumberField(output, "packets="u8, value.Packets);
            WriteNumberField(output, "bytes="u8, value.Bytes);
        }
    }

    // __snprintf_proto: a field the kernel did not send prints as 0, as the library's zeroed struct does.
    public static void WriteProtocolFields(OutputBuffer output, FlowTuple tuple)
    {
        byte protocol = tuple.Protocol ?? 0;
        if (ProtocolNumbers.HasPorts(protocol))
        {
            WriteNumberField(output, "sport="u8, tuple.SourcePort ?? 0);
            WriteNumberField(output, "dport="u8, tuple.DestinationPort ?? 0);
        }
        else if (protocol == IpProtocols.IPPROTO_GRE)
        {
            output.Write("srckey=0x"u8);
            output.WriteHex(tuple.SourcePort ?? 0);
            output.Write(" dstkey=0x"u8);
            output.WriteHex(tuple.DestinationPort ?? 0);
            output.WriteSpace();
        }
        else if (ProtocolNumbers.IsIcmp(protocol))
        {
            WriteNumberField(output, "type="u8, tuple.IcmpType ?? 0);
            WriteNumberField(output, "code="u8, tuple.IcmpCode ?? 0);
            WriteNumberField(output, "id="u8, tuple.IcmpId ?? 0);
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

    private static void WriteLabels(OutputBuffer output, byte[] labels, ConnLabelTable map)
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

    private static void WriteTextField(OutputBuffer output, ReadOnlySpan<byte> label, string value)
    {
        output.Write(label);
        output.WriteUtf8(value);
        output.WriteSpace();
    }
}
