using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's <c>-o xml</c> element for one entry (libnetfilter_conntrack __snprintf_conntrack_xml):
/// <c>&lt;flow&gt;&lt;meta direction="original"&gt;…&lt;/meta&gt;&lt;meta direction="reply"&gt;…&lt;/meta&gt;&lt;meta direction="independent"&gt;…&lt;/meta&gt;&lt;/flow&gt;</c>
/// on one line. Text is written as is, without XML escaping, as the library does.
/// </summary>
internal static class XmlFlowFormatter
{
    public static ReadOnlySpan<byte> Header => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n"u8;

    public static ReadOnlySpan<byte> Footer => "</conntrack>\n"u8;

    public static void Write(OutputBuffer output, Flow flow, FlowEventType? eventType, in FlowTextOptions options)
    {
        output.Write(eventType switch
        {
            FlowEventType.New => "<flow type=\"new\">"u8,
            FlowEventType.Update => "<flow type=\"update\">"u8,
            FlowEventType.Destroy => "<flow type=\"destroy\">"u8,
            _ => "<flow>"u8,
        });

        bool counters = ConntrackQuirks.XmlTupleHasCounters(flow);
        WriteTuple(output, "original"u8, flow.Original, flow.Family, counters ? flow.OriginalCounters ?? default : null);
        WriteTuple(output, "reply"u8, flow.Reply, flow.Family, counters ? flow.ReplyCounters ?? default : null);

        bool independent = HasIndependentPart(flow);
        if (independent)
            output.Write("<meta direction=\"independent\">"u8);
        WriteIndependentPart(output, flow, options);
        if (independent)
            output.Write("</meta>"u8);

        if (options.ShowWhen)
            XmlWhen.Write(output, options.Time.GetLocalNow().DateTime);

        if (flow.Helper is { } helper)
            WriteTextElement(output, "<helper>"u8, helper, "</helper>"u8);

        output.Write("</flow>"u8);
    }

    // The library opens the independent <meta> for these attributes only (not for secctx or helper).
    private static bool HasIndependentPart(Flow flow) =>
        flow.Tcp?.State is not null || flow.Sctp?.State is not null || flow.Dccp?.State is not null
        || flow.Timeout is not null || flow.Mark is not null || flow.Secmark is not null || flow.Zone is not null
        || flow.Use is not null || flow.Status is not null || flow.Id is not null || flow.Labels is not null
        || flow.Timestamps is not null;

    private static void WriteTuple(OutputBuffer output, ReadOnlySpan<byte> direction, FlowTuple? tuple, IpFamily entryFamily, Counters? counters)
    {
        // The library takes a tuple's family from nfgen_family when it parses the tuple: a tuple the
        // kernel did not send has family 0 ("unknown") and empty addresses.
        IpFamily family = tuple is null ? IpFamily.Unspecified : entryFamily;
        output.Write("<meta direction=\""u8);
        output.Write(direction);
        output.Write("\"><layer3 protonum=\""u8);
        output.WriteDecimal((ulong)family);
        output.Write("\" protoname=\""u8);
        output.Write(ProtocolNames.Layer3((byte)family));
        output.Write("\">"u8);
        WriteAddressElements(output, tuple, family);
        output.Write("</layer3><layer4 protonum=\""u8);
        byte protocol = tuple?.Protocol ?? 0;
        output.WriteDecimal((ulong)protocol);
        output.Write("\" protoname=\""u8);
        output.Write(ProtocolNames.Protocol(protocol));
        output.Write("\">"u8);
        if (tuple is not null)
            WriteProtocolFields(output, tuple, protocol);
        output.Write("</layer4>"u8);

        if (tuple?.Zone is { } zone)
            WriteNumberElement(output, "<zone>"u8, zone, "</zone>"u8);
        if (counters is { } value)
        {
            output.Write("<counters>"u8);
            WriteNumberElement(output, "<packets>"u8, value.Packets, "</packets>"u8);
            WriteNumberElement(output, "<bytes>"u8, value.Bytes, "</bytes>"u8);
            output.Write("</counters>"u8);
        }
        output.Write("</meta>"u8);
    }

    /// <summary>__snprintf_addr_xml for source and destination: <c>&lt;src&gt;…&lt;/src&gt;&lt;dst&gt;…&lt;/dst&gt;</c>, empty for a family without addresses.</summary>
    public static void WriteAddressElements(OutputBuffer output, FlowTuple? tuple, IpFamily family)
    {
        var line = new RecordLineWriter(output);
        output.Write("<src>"u8);
        if (FlowFields.PrintsAddresses(family))
            FlowFields.WriteAddress(ref line, tuple?.Source, family);
        output.Write("</src><dst>"u8);
        if (FlowFields.PrintsAddresses(family))
            FlowFields.WriteAddress(ref line, tuple?.Destination, family);
        output.Write("</dst>"u8);
    }

    public static void WriteProtocolFields(OutputBuffer output, FlowTuple tuple, byte protocol)
    {
        if (ProtocolNumbers.HasPorts(protocol))
        {
            WriteNumberElement(output, "<sport>"u8, tuple.SourcePort ?? 0, "</sport>"u8);
            WriteNumberElement(output, "<dport>"u8, tuple.DestinationPort ?? 0, "</dport>"u8);
        }
        else if (protocol == IpProtocols.IPPROTO_GRE)
        {
            output.Write("<srckey>0x"u8);
            output.WriteHex(tuple.SourcePort ?? 0);
            output.Write("</srckey><dstkey>0x"u8);
            output.WriteHex(tuple.DestinationPort ?? 0);
            output.Write("</dstkey>"u8);
        }
        else if (ProtocolNumbers.IsIcmp(protocol))
        {
            ConntrackQuirks.WriteXmlIcmpFields(output, tuple);
        }
    }

    private static void WriteIndependentPart(OutputBuffer output, Flow flow, in FlowTextOptions options)
    {
        if (flow.Tcp?.State is { } tcpState)
            WriteStateElement(output, ProtocolNames.TcpState((byte)tcpState));
        if (flow.Sctp?.State is { } sctpState)
            WriteStateElement(output, ConntrackQuirks.XmlSctpStateName((byte)sctpState));
        if (flow.Dccp?.State is { } dccpState)
            WriteStateElement(output, ConntrackQuirks.XmlDccpStateName((byte)dccpState));
        if (flow.Timeout is { } timeout)
            WriteNumberElement(output, "<timeout>"u8, timeout, "</timeout>"u8);
        if (flow.Mark is { } mark)
            WriteNumberElement(output, "<mark>"u8, mark, "</mark>"u8);
        if (options.Labels is { } map && flow.Labels is { } labels)
        {
            output.Write("<labels>"u8);
            var line = new RecordLineWriter(output);
            FlowFields.WriteLabelNames(ref line, labels, map, "<label>"u8, "</label>"u8);
            output.Write("</labels>"u8);
        }
        if (flow.Secmark is { } secmark)
            WriteNumberElement(output, "<secmark>"u8, secmark, "</secmark>"u8);
        if (flow.SecurityContext is { } securityContext)
            WriteTextElement(output, "<secctx>"u8, securityContext, "</secctx>"u8);
        if (flow.Zone is { } zone)
            WriteNumberElement(output, "<zone>"u8, zone, "</zone>"u8);
        if (flow.Use is { } use)
            WriteNumberElement(output, "<use>"u8, use, "</use>"u8);
        if (flow.Id is { } id)
            WriteNumberElement(output, "<id>"u8, id, "</id>"u8);
        if (flow.Status is { } status)
        {
            if ((status & FlowStatus.Assured) != 0)
                output.Write("<assured/>"u8);
            if ((status & FlowStatus.SeenReply) == 0)
                output.Write("<unreplied/>"u8);
        }
        if (flow.Timestamps is { } timestamps)
            WriteTimestamps(output, timestamps, options);
    }

    private static void WriteTimestamps(OutputBuffer output, FlowTimestamps timestamps, in FlowTextOptions options)
    {
        if (options.ShowKernelTimestamps)
        {
            output.Write("<timestamp>"u8);
            WriteNumberElement(output, "<start>"u8, timestamps.Start, "</start>"u8);
            if (timestamps.Stop is { } stop)
                WriteNumberElement(output, "<stop>"u8, stop, "</stop>"u8);
            output.Write("</timestamp>"u8);
        }

        // Unlike delta-time in the default format, this subtracts nanoseconds before dividing, and a
        // live entry is measured against now.
        long delta = timestamps.Stop is { } stopNs
            ? (long)((stopNs - timestamps.Start) / FlowFields.NanosecondsPerSecond)
            : FlowFields.Now(options.Time) - FlowFields.Seconds(timestamps.Start);
        WriteNumberElement(output, "<deltatime>"u8, unchecked((ulong)delta), "</deltatime>"u8);
    }

    private static void WriteStateElement(OutputBuffer output, ReadOnlySpan<byte> state)
    {
        output.Write("<state>"u8);
        output.Write(state);
        output.Write("</state>"u8);
    }

    public static void WriteNumberElement(OutputBuffer output, ReadOnlySpan<byte> open, ulong value, ReadOnlySpan<byte> close)
    {
        output.Write(open);
        output.WriteDecimal(value);
        output.Write(close);
    }

    public static void WriteTextElement(OutputBuffer output, ReadOnlySpan<byte> open, string value, ReadOnlySpan<byte> close)
    {
        output.Write(open);
        output.WriteUtf8(value);
        output.Write(close);
    }
}
