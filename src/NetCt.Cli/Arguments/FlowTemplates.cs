using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// The three objects conntrack's parser fills (its struct ct_tmpl): the entry the command is about,
/// the expected tuple of an expectation, and the mask (address and port masks).
/// </summary>
/// <remarks>
/// The expected tuple and the mask are made when first asked for: most commands never fill them,
/// and a -R file parses hundreds of thousands of lines (twice), where two unused entries per line
/// were most of what the parser allocated.
/// </remarks>
internal sealed class FlowTemplates
{
    private Flow? _expectedTuple;
    private Flow? _mask;

    /// <summary>tmpl-&gt;ct: the entry to create or update, the values to match, or an expectation's master.</summary>
    public Flow Entry { get; } = new();

    /// <summary>tmpl-&gt;exptuple: <c>--tuple-src</c>, <c>--tuple-dst</c>, <c>--tuple-port-*</c>.</summary>
    public Flow ExpectedTuple => _expectedTuple ??= new();

    /// <summary>tmpl-&gt;mask: <c>--mask-src</c>, <c>--mask-dst</c>, CIDR prefixes, <c>--mask-port-*</c>.</summary>
    public Flow Mask => _mask ??= new();

    public static FlowTuple Original(Flow flow) => flow.Original ??= new FlowTuple();

    public static FlowTuple Reply(Flow flow) => flow.Reply ??= new FlowTuple();
}
