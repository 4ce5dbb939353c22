using NetCt.Conntrack;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_sctp: ports, <c>--state</c> and the verification tags.</summary>
internal sealed class SctpExtension : PortProtocolExtension
{
    private const uint State = 1 << 6;
    private const uint TupleSourcePort = 1 << 7;
    private const uint TupleDestinationPort = 1 << 8;
    private const uint OriginalVerificationTag = 1 << 9;
    private const uint ReplyVerificationTag = 1 << 10;

    // Indexed by SctpState. conntrack's table leaves the last two states without a name and
    // crashes (strcmp with NULL) on any word that is not one of the first eight; netct names them
    // and reports unknown words.
    private static readonly string[] StateNames =
        ["NONE", "CLOSED", "COOKIE_WAIT", "COOKIE_ECHOED", "ESTABLISHED", "SHUTDOWN_SENT", "SHUTDOWN_RECD", "SHUTDOWN_ACK_SENT",
         "HEARTBEAT_SENT", "HEARTBEAT_ACKED"];

    public override string Name => "sctp";

    public override byte Number => 132;

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
        new("orig-vtag", Required, 10),
        new("reply-vtag", Required, 11),
        new("sport", Required, 1),
        new("dport", Required, 2),
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
        "  --state\t\t\tSCTP state, fe. ESTABLISHED\n" +
        "  --orig-vtag\t\toriginal verification tag\n" +
        "  --reply-vtag\t\treply verification tag\n";

    protected override LegalityTable Legality { get; } = new(
        ["sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src", "mask-port-dst", "state",
         "tuple-port-src", "tuple-port-dst", "orig-vtag", "reply-vtag"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "22220020000",
            [CommandKind.Create] = "33330010011",
            [CommandKind.Update] = "22220020022",
            [CommandKind.Delete] = "22220020000",
            [CommandKind.Get] = "33330020022",
            [CommandKind.Event] = "22220020000",
            [CommandKind.ExpectCreate] = "11001101111",
            [CommandKind.ExpectDelete] = "11110000000",
            [CommandKind.ExpectGet] = "11110000000",
            [CommandKind.Add] = "33330010011",
        },
        PortPairs(ReplyPortsMessage));

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
                    throw ParameterException.Problem($"unknown SCTP state `{argument}'");
                (entry.Sctp ??= new SctpInfo()).State = (SctpState)state;
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
                (entry.Sctp ??= new SctpInfo()).VerificationTagOriginal = unchecked((uint)CNumber.AtoI(argument));
                flags |= OriginalVerificationTag;
                break;
            case 11:
                (entry.Sctp ??= new SctpInfo()).VerificationTagReply = unchecked((uint)CNumber.AtoI(argument));
                flags |= ReplyVerificationTag;
                break;
        }
    }
}
