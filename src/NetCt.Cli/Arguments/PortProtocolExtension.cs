using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// The port options that tcp, udp, udplite, sctp and dccp share: original and reply ports, mask
/// ports and the expected tuple's ports, each recorded in the flag bit conntrack uses for it.
/// </summary>
internal abstract class PortProtocolExtension : ProtocolExtension
{
    protected const uint OriginalSourcePort = 1 << 0;
    protected const uint OriginalDestinationPort = 1 << 1;
    protected const uint ReplySourcePort = 1 << 2;
    protected const uint ReplyDestinationPort = 1 << 3;
    protected const uint MaskSourcePort = 1 << 4;
    protected const uint MaskDestinationPort = 1 << 5;

    protected const string ReplyPortsMessage = "you have to specify `--reply-src-port' and `--reply-dst-port'";

    /// <summary>The pairs of which -I, -A and -G need one: "you have to specify ..." messages.</summary>
    protected static (uint, string)[] PortPairs(string replyMessage) =>
    [
        (OriginalSourcePort | OriginalDestinationPort, "you have to specify `--sport' and `--dport'"),
        (ReplySourcePort | ReplyDestinationPort, replyMessage),
    ];

    /// <summary>Handles the option if it is one of the six shared port options; false if not.</summary>
    protected bool TryParsePort(int code, int firstCode, string argument, FlowTemplates templates, ref uint flags)
    {
        int index = code - firstCode;
        if (index is < 0 or > 5)
            return false;
        var flow = index < 4 ? templates.Entry : templates.Mask;
        var tuple = index is 2 or 3 ? FlowTemplates.Reply(flow) : FlowTemplates.Original(flow);
        SetPort(tuple, source: index % 2 == 0, Port(argument));
        flags |= 1u << index;
        return true;
    }

    /// <summary>--tuple-port-src/dst: the expected tuple of an expectation.</summary>
    /// <remarks>
    /// tcp, sctp and dccp in conntrack store the port's network-order low byte as the tuple's
    /// protocol (a copy-and-paste slip); netct stores this extension's protocol number.
    /// </remarks>
    protected void ParseTuplePort(bool source, string argument, FlowTemplates templates)
        => SetPort(FlowTemplates.Original(templates.ExpectedTuple), source, Port(argument));

    private void SetPort(FlowTuple tuple, bool source, ushort port)
    {
        if (source)
            tuple.SourcePort = port;
        else
            tuple.DestinationPort = port;
        tuple.Protocol = Number;
    }
}
