using NetCt.Cli.Libc;
using NetCt.Interop;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_gre: the keys, carried in the tuples' port fields.</summary>
internal sealed class GreExtension : ProtocolExtension
{
    public override byte Number => IpProtocols.IPPROTO_GRE;

    public override IReadOnlyList<LongOption> Options { get; } =
    [
        new("orig-key-src", Required, '1'),
        new("srckey", Required, '1'),
        new("orig-key-dst", Required, '2'),
        new("dstkey", Required, '2'),
        new("reply-key-src", Required, '3'),
        new("reply-key-dst", Required, '4'),
        new("mask-key-src", Required, '5'),
        new("mask-key-dst", Required, '6'),
        new("tuple-key-src", Required, '7'),
        new("tuple-key-dst", Required, '8'),
    ];

    public override string HelpText =>
        "  --orig-key-src\t\toriginal source key\n" +
        "  --orig-key-dst\t\toriginal destination key\n" +
        "  --reply-key-src\t\treply source key\n" +
        "  --reply-key-dst\t\treply destination key\n" +
        "  --mask-key-src\t\tmask source key\n" +
        "  --mask-key-dst\t\tmask destination key\n" +
        "  --tuple-key-src\t\texpectation tuple src key\n" +
        "  --tuple-key-src\t\texpectation tuple dst key\n";

    protected override LegalityTable Legality { get; } = new(
        ["srckey", "dstkey", "reply-key-src", "reply-key-dst", "mask-key-src", "mask-key-dst", "tuple-key-src", "tuple-key-dst"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "22220000",
            [CommandKind.Create] = "33330000",
            [CommandKind.Update] = "22220000",
            [CommandKind.Delete] = "22220000",
            [CommandKind.Get] = "33330000",
            [CommandKind.Event] = "22220000",
            [CommandKind.ExpectCreate] = "11111111",
            [CommandKind.ExpectDelete] = "11110000",
            [CommandKind.ExpectGet] = "11110000",
            [CommandKind.Add] = "33330000",
        },
        (1 << 0 | 1 << 1, "you have to specify `--srckey' and `--dstkey'"),
        (1 << 2 | 1 << 3, "you have to specify `--reply-src-key' and `--reply-dst-key'"));

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        int index = code - '1';
        if (index is < 0 or > 7)
            return;
        var flow = index switch
        {
            < 4 => templates.Entry,
            < 6 => templates.Mask,
            _ => templates.ExpectedTuple,
        };
        var tuple = index is 2 or 3 ? FlowTemplates.Reply(flow) : FlowTemplates.Original(flow);
        // Unlike ports, keys are read with strtoul base 0, so hex and octal work.
        SetPort(tuple, source: index % 2 == 0, unchecked((ushort)CNumber.StrToUL(argument, 0)), Number);
        flags |= 1u << index;
    }
}
