using NetCt.Cli.Libc;
using NetCt.Conntrack;
using NetCt.Interop;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's libct_proto_icmp and libct_proto_icmpv6: type, code and id of the original tuple.</summary>
internal sealed class IcmpExtension : ProtocolExtension
{
    private const uint Type = 1 << 0;
    private const uint Code = 1 << 1;
    private const uint Id = 1 << 2;

    private LegalityTable? _legality;

    private IcmpExtension(byte number)
    {
        Number = number;
        string name = Name;
        Options =
        [
            new($"{name}-type", Required, '1'),
            new($"{name}-code", Required, '2'),
            new($"{name}-id", Required, '3'),
        ];
    }

    public static IcmpExtension Icmp { get; } = new(IpProtocols.IPPROTO_ICMP);

    public static IcmpExtension IcmpV6 { get; } = new(IpProtocols.IPPROTO_ICMPV6);

    public override byte Number { get; }

    public override IReadOnlyList<LongOption> Options { get; }

    // The help text and the legality table are built when asked for: the catalog makes both ICMP
    // extensions at every start-up, when -p names another protocol or none.
    public override string HelpText =>
        $"  --{Name}-type\t\t\t{Name} type\n  --{Name}-code\t\t\t{Name} code\n  --{Name}-id\t\t\t{Name} id\n";

    protected override LegalityTable Legality => _legality ??= new LegalityTable(
        [Options[0].Name, Options[1].Name, Options[2].Name],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "222",
            [CommandKind.Create] = "112",
            [CommandKind.Update] = "222",
            [CommandKind.Delete] = "222",
            [CommandKind.Get] = "112",
            [CommandKind.Event] = "222",
            [CommandKind.Add] = "112",
        });

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        var entry = templates.Entry;
        var original = FlowTemplates.Original(entry);
        switch (code)
        {
            case '1':
                original.IcmpType = unchecked((byte)CNumber.AtoI(argument));
                flags |= Type;
                break;
            case '2':
                original.IcmpCode = unchecked((byte)CNumber.AtoI(argument));
                flags |= Code;
                break;
            case '3':
                original.IcmpId = unchecked((ushort)CNumber.AtoI(argument));
                flags |= Id;
                break;
            default:
                return;
        }
        original.Protocol = Number;
        // The reply tuple gets the protocol only if a reply address came before this option.
        if (entry.Reply is { } reply && reply.Family != IpFamily.Unspecified)
            reply.Protocol = Number;
    }
}
