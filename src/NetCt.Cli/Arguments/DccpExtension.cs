using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_dccp: ports, <c>--state</c> and <c>--role</c>.</summary>
internal sealed class DccpExtension() : PortProtocolExtension(
    1,
    [
        StateColumn(ReadState),
        .. TuplePortColumns,
        // Required by -I, -A and -I expect, refused elsewhere.
        new("role", "0100001001", (argument, templates, _) => (templates.Entry.Dccp ??= new DccpInfo()).Role = ParseRole(argument)),
    ],
    aliasesAfter: "tuple-port-dst",
    // sic: conntrack's dccp message names the reply options differently, with a typo.
    replyPortsMessage: "you have to specify `--reply-port-src' and `--report-port-dst'")
{
    public override byte Number => IpProtocols.IPPROTO_DCCP;

    // conntrack's dccp help does not mention --role.
    public override string HelpText => PortHelp + "  --state\t\t\tDCCP state, fe. RESPOND\n";

    // The names printing uses.
    private static void ReadState(string argument, Flow entry)
    {
        var state = (DccpState)KnownState(ProtocolNames.DccpStateNumber(argument), argument, "Unknown DCCP state");
        (entry.Dccp ??= new DccpInfo()).State = state;
    }

    // Any case-insensitive prefix of "client" or "server", including the empty one (client).
    private static DccpRole ParseRole(string argument)
    {
        if (Keywords.IsAbbreviationOf(argument, "client", allowEmpty: true))
            return DccpRole.Client;
        if (Keywords.IsAbbreviationOf(argument, "server", allowEmpty: true))
            return DccpRole.Server;
        throw ParameterException.Problem($"Unknown DCCP role `{argument}'");
    }
}
