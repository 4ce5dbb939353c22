using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_udp and libct_proto_udplite: ports only.</summary>
internal sealed class UdpExtension : PortProtocolExtension
{
    private const uint TupleSourcePort = 1 << 6;
    private const uint TupleDestinationPort = 1 << 7;

    private UdpExtension(string name, byte number, IReadOnlyList<LongOption> options)
    {
        Name = name;
        Number = number;
        Options = options;
    }

    public static UdpExtension Udp { get; } = new("udp", 17,
    [
        new("orig-port-src", Required, '1'),
        new("sport", Required, '1'),
        new("orig-port-dst", Required, '2'),
        new("dport", Required, '2'),
        new("reply-port-src", Required, '3'),
        new("reply-port-dst", Required, '4'),
        new("mask-port-src", Required, '5'),
        new("mask-port-dst", Required, '6'),
        new("tuple-port-src", Required, '7'),
        new("tuple-port-dst", Required, '8'),
    ]);

    public static UdpExtension UdpLite { get; } = new("udplite", 136,
    [
        new("orig-port-src", Required, '1'),
        new("orig-port-dst", Required, '2'),
        new("reply-port-src", Required, '3'),
        new("reply-port-dst", Required, '4'),
        new("mask-port-src", Required, '5'),
        new("mask-port-dst", Required, '6'),
        new("tuple-port-src", Required, '7'),
        new("tuple-port-dst", Required, '8'),
        new("sport", Required, '1'),
        new("dport", Required, '2'),
    ]);

    public override string Name { get; }

    public override byte Number { get; }

    public override IReadOnlyList<LongOption> Options { get; }

    public override string HelpText =>
        "  --orig-port-src\t\toriginal source port\n" +
        "  --orig-port-dst\t\toriginal destination port\n" +
        "  --reply-port-src\t\treply source port\n" +
        "  --reply-port-dst\t\treply destination port\n" +
        "  --mask-port-src\t\tmask source port\n" +
        "  --mask-port-dst\t\tmask destination port\n" +
        "  --tuple-port-src\t\texpectation tuple src port\n" +
        "  --tuple-port-src\t\texpectation tuple dst port\n";

    protected override LegalityTable Legality { get; } = new(
        ["sport", "dport", "reply-port-src", "reply-port-dst", "mask-port-src", "mask-port-dst", "tuple-port-src", "tuple-port-dst"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "22220000",
            [CommandKind.Create] = "33330000",
            [CommandKind.Update] = "22220000",
            [CommandKind.Delete] = "22220000",
            [CommandKind.Get] = "33330000",
            [CommandKind.Event] = "22220000",
            [CommandKind.ExpectCreate] = "11001111",
            [CommandKind.ExpectDelete] = "11110000",
            [CommandKind.ExpectGet] = "11110000",
            [CommandKind.Add] = "33330000",
        },
        PortPairs(ReplyPortsMessage));

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        if (TryParsePort(code, '1', argument, templates, ref flags))
            return;
        switch (code)
        {
            case '7':
                ParseTuplePort(source: true, argument, templates);
                flags |= TupleSourcePort;
                break;
            case '8':
                ParseTuplePort(source: false, argument, templates);
                flags |= TupleDestinationPort;
                break;
        }
    }
}
