using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// conntrack's <c>-o xml</c> element for an expectation (libnetfilter_conntrack 1.0.9
/// __snprintf_expect_xml), on one line: <c>&lt;flow&gt;&lt;layer3 …&gt;&lt;expected&gt;…&lt;/expected&gt;&lt;mask&gt;…&lt;/mask&gt;&lt;master&gt;…&lt;/master&gt;&lt;/layer3&gt;</c>,
/// the same three parts in <c>&lt;layer4&gt;</c>, then <c>&lt;meta&gt;</c> (helper, timeout, class, zone, &lt;when&gt;, flags).
/// </summary>
internal static class XmlExpectationFormatter
{
    public static ReadOnlySpan<byte> Header => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<expect>\n"u8;

    public static ReadOnlySpan<byte> Footer => "</expect>\n"u8;

    /// <summary>Writes the element; <paramref name="when"/> is the local time for &lt;when&gt; (<c>-o xml,timestamp</c>), or null.</summary>
    public static void Write(OutputBuffer output, Expectation expectation, FlowEventType? eventType, DateTime? when)
    {
        output.Write(eventType switch
        {
            FlowEventType.New => "<flow type=\"new\">"u8,
            FlowEventType.Update => "<flow type=\"update\">"u8,
            FlowEventType.Destroy => "<flow type=\"destroy\">"u8,
            _ => "<flow>"u8,
        });

        byte family = (byte)expectation.Family;
        output.Write("<layer3 protonum=\""u8);
        output.WriteDecimal((ulong)family);
        output.Write("\" protoname=\""u8);
        output.Write(ProtocolNames.Layer3(family));
        output.Write("\">"u8);
        WriteAddresses(output, "<expected>"u8, expectation.Tuple, expectation.Family, "</expected>"u8);
        WriteAddresses(output, "<mask>"u8, expectation.Mask, expectation.Family, "</mask>"u8);
        WriteAddresses(output, "<master>"u8, expectation.Master, expectation.Family, "</master>"u8);
        output.Write("</layer3>"u8);

        byte protocol = expectation.Tuple?.Protocol ?? 0;
        output.Write("<layer4 protonum=\""u8);
        output.WriteDecimal((ulong)protocol);
        output.Write("\" protoname=\""u8);
        output.Write(ProtocolNames.Protocol(protocol));
        output.Write("\">"u8);
        WritePorts(output, "<expected>"u8, expectation.Tuple, "</expected>"u8);
        WritePorts(output, "<mask>"u8, expectation.Mask, "</mask>"u8);
        WritePorts(output, "<master>"u8, expectation.Master, "</master>"u8);
        output.Write("</layer4>"u8);

        WriteMeta(output, expectation, when);
        output.Write("</flow>"u8);
    }

    private static void WriteAddresses(OutputBuffer output, ReadOnlySpan<byte> open, FlowTuple? tuple, IpFamily family, ReadOnlySpan<byte> close)
    {
        output.Write(open);
        XmlFlowFormatter.WriteAddressElements(output, tuple, family);
        output.Write(close);
    }

    private static void WritePorts(OutputBuffer output, ReadOnlySpan<byte> open, FlowTuple? tuple, ReadOnlySpan<byte> close)
    {
        output.Write(open);
        if (tuple is not null)
            XmlFlowFormatter.WriteProtocolFields(output, tuple, tuple.Protocol ?? 0);
        output.Write(close);
    }

    private static void WriteMeta(OutputBuffer output, Expectation expectation, DateTime? when)
    {
        output.Write("<meta>"u8);
        if (expectation.Helper is { } helper)
            XmlFlowFormatter.WriteTextElement(output, "<helper-name>"u8, helper, "</helper-name>"u8);
        if (expectation.Timeout is { } timeout)
            XmlFlowFormatter.WriteNumberElement(output, "<timeout>"u8, timeout, "</timeout>"u8);
        if (expectation.Class is { } expectationClass)
            XmlFlowFormatter.WriteNumberElement(output, "<class>"u8, expectationClass, "</class>"u8);
        if (expectation.Zone is { } zone)
            XmlFlowFormatter.WriteNumberElement(output, "<zone>"u8, zone, "</zone>"u8);
        if (when is { } local)
            XmlWhen.Write(output, local);
        ExpectationFlags flags = expectation.Flags ?? ExpectationFlags.None;
        if ((flags & ExpectationFlags.Permanent) != 0)
            output.Write("<permanent/>"u8);
        if ((flags & ExpectationFlags.Inactive) != 0)
            output.Write("<inactive/>"u8);
        if ((flags & ExpectationFlags.Userspace) != 0)
            output.Write("<userspace/>"u8);
        output.Write("</meta>"u8);
    }
}
