using NetCt.Conntrack;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_tcp: ports and <c>--state</c>.</summary>
internal sealed class TcpExtension : PortProtocolExtension
{
    private const uint State = 1 << 6;
    private const uint TupleSourcePort = 1 << 7;
    private const uint TupleDestinationPort = 1 << 8;

    // IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL, plus CLOSE_INIT from TIME_WAIT on.
    private const byte LiberalFlags = 0x02 | 0x08;
    private const byte CloseInit = 0x04;

    // Indexed by TcpState; LISTEN is accepted too, as SYN_SENT2 (its name before Linux 2.6.31).
    private static readonly string[] StateNames =
        ["NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2"];

    public override string Name => "tcp";

    public override byte Number => 6;

    public override IReadOnlyList<LongOption> Options { get; } =
    [
        new("orig-port-src", Required, '1'),
        new("sport", Required, '1'),
        new("orig-port-dst", Required, '2'),
        new("dport", Required, '2'),
        new("reply-port-src", Required, '3'),
        new("reply-port-dst", Required, '4'),
        new("mask-port-src", Required, '5'),
        new("mask-port-dst", Required, '6'),
        new("state", Required, '7'),
        new("tuple-port-src", Required, '8'),
        new("tuple-port-dst", Required, '9'),
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
        "  --state\t\t\tTCP state, fe. ESTABLISHED\n";

    protected override LegalityTable Legality { get; } = new(
        ["sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src", "mask-port-dst", "state", "tuple-port-src", "tuple-port-dst"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "222200200",
            [CommandKind.Create] = "333300100",
            [CommandKind.Update] = "222200200",
            [CommandKind.Delete] = "222200200",
            [CommandKind.Get] = "333300200",
            [CommandKind.Event] = "222200200",
            [CommandKind.ExpectCreate] = "110011011",
            [CommandKind.ExpectDelete] = "111100000",
            [CommandKind.ExpectGet] = "111100000",
            [CommandKind.Add] = "333300100",
        },
        PortPairs(ReplyPortsMessage));

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        if (TryParsePort(code, '1', argument, templates, ref flags))
            return;
        switch (code)
        {
            case '7':
                (templates.Entry.Tcp ??= new TcpInfo()).State = ParseState(argument);
                flags |= State;
                break;
            case '8':
                ParseTuplePort(source: true, argument, templates);
                flags |= TupleSourcePort;
                break;
            case '9':
                ParseTuplePort(source: false, argument, templates);
                flags |= TupleDestinationPort;
                break;
        }
    }

    /// <summary>
    /// conntrack disables window tracking on entries it creates (they have seen no packets) and
    /// lets a new connection reopen one in TIME_WAIT or later (RFC 1122).
    /// </summary>
    /// <remarks>conntrack also does this to every entry <c>-U</c> changes; netct does not.</remarks>
    public override void CompleteNewEntry(Flow entry)
    {
        var tcp = entry.Tcp ??= new TcpInfo();
        byte flags = tcp.State >= TcpState.TimeWait ? (byte)(LiberalFlags | CloseInit) : LiberalFlags;
        tcp.FlagsOriginal = new TcpFlagsAndMask(flags, flags);
        tcp.FlagsReply = new TcpFlagsAndMask(flags, flags);
    }

    private static TcpState ParseState(string argument)
    {
        if (argument == "LISTEN")
            return TcpState.SynSent2;
        int index = Array.IndexOf(StateNames, argument);
        if (index < 0)
            throw ParameterException.Problem($"unknown TCP state `{argument}'");
        return (TcpState)index;
    }
}
