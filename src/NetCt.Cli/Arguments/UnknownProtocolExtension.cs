namespace NetCt.Cli.Arguments;

/// <summary>
/// conntrack's ct_proto_unknown: any protocol named in /etc/protocols or given by number that no
/// extension handles. It adds no options and checks nothing.
/// </summary>
internal sealed class UnknownProtocolExtension(byte number) : ProtocolExtension
{
    // conntrack's own name for it, whatever libnetfilter_conntrack calls the number.
    public override string Name => "unknown";

    public override byte Number { get; } = number;

    public override IReadOnlyList<LongOption> Options => [];

    public override string HelpText => "  no options (unsupported)\n";

    protected override LegalityTable? Legality => null;

    public override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
    }
}
