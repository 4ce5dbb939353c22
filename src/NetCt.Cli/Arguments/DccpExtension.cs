using NetCt.Conntrack;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_dccp: ports, <c>--state</c> and <c>--role</c>.</summary>
internal sealed class DccpExtension : PortProtocolExtension
{
    private const uint State = 1 << 6;
    private const uint TupleSourcePort = 1 << 7;
    private const uint TupleDestinationPort = 1 << 8;
    private const uint Role = 1 << 9;

    // Indexed by DccpState.
    private static readonly string[] StateNames =
        ["NONE", "REQUEST", "RESPOND", "PARTOPEN", "OPEN", "CLOSEREQ", "CLOSING", "TIMEWAIT", "IGNORE", "INVALID"];

    public override string Name => "dccp";

    public override byte Number => 33;

    public override IReadOnlyList<LongOption> Options { get; } =
    [
        new("orig-port-src", Required, 1),
        new("orig-port-dst", Required, 2),
        new("reply-port-src", Required, 3),
        new("reply-port-dst", Required, 4),
        new("mask-port-src", Required, 5),
        new("mask-port-dst", Required, 6),
        new("state", Required, 7),
        new("tuple-port-src", Required, 8),
        new("tuple-port-dst", Required, 9),
        new("sport", Required, 1),
        new("dport", Required, 2),
        new("role", Required, 10),
    ];

    public override string HelpText =>
        "  --orig-port-src\t\toriginal source port\n" +
        "  --orig-port-dst\t\toriginal destination port\n" +
        "  --reply-port-src\t\treply source port\n" +
        "  --reply-port-dst\t\treply destination port\n" +
        "  --mask-port-src\t\tmask source port\n" +
        "  --mask-port-dst\t\tmask destination port\n" +
        "  --tuple-port-src\t\texpectation tuple src port\n" +
        "  --tuple-port-src\t\texpectation tuple dst port\n" +
        "  --state\t\t\tDCCP state, fe. RESPOND\n";

    protected override LegalityTable Legality { get; } = new(
        ["sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src", "mask-port-dst", "state",
         "tuple-port-src", "tuple-port-dst", "role"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "2222002000",
            [CommandKind.Create] = "3333001001",
            [CommandKind.Update] = "2222002000",
            [CommandKind.Delete] = "2222002000",
            [CommandKind.Get] = "3333002000",
            [CommandKind.Event] = "2222002000",
            [CommandKind.ExpectCreate] = "1100110111",
            [CommandKind.ExpectDelete] = "1111000000",
            [CommandKind.ExpectGet] = "1111000000",
            [CommandKind.Add] = "3333001001",
        },
        // sic: conntrack's dccp message names the reply options differently, with a typo.
        PortPairs("you have to specify `--reply-port-src' and `--report-port-dst'"));

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        if (TryParsePort(code, 1, argument, templates, ref flags))
            return;
        var entry = templates.Entry;
        switch (code)
        {
            case 7:
                int state = Array.IndexOf(StateNames, argument);
                if (state < 0)
                    throw ParameterException.Problem($"Unknown DCCP state `{argument}'");
                (entry.Dccp ??= new DccpInfo()).State = (DccpState)state;
                flags |= State;
                break;
            case 8:
                ParseTuplePort(source: true, argument, templates);
                flags |= TupleSourcePort;
                break;
            case 9:
                ParseTuplePort(source: false, argument, templates);
                flags |= TupleDestinationPort;
                break;
            case 10:
                (entry.Dccp ??= new DccpInfo()).Role = ParseRole(argument);
                flags |= Role;
                break;
        }
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
