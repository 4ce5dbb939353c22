using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// The three objects conntrack's parser fills (its struct ct_tmpl): the entry the command is about,
/// the expected tuple of an expectation, and the mask (address and port masks).
/// </summary>
internal sealed class FlowTemplates
{
    /// <summary>tmpl-&gt;ct: the entry to create or update, the values to match, or an expectation's master.</summary>
    public Flow Entry { get; } = new();

    /// <summary>tmpl-&gt;exptuple: <c>--tuple-src</c>, <c>--tuple-dst</c>, <c>--tuple-port-*</c>.</summary>
    public Flow ExpectedTuple { get; } = new();

    /// <summary>tmpl-&gt;mask: <c>--mask-src</c>, <c>--mask-dst</c>, CIDR prefixes, <c>--mask-port-*</c>.</summary>
    public Flow Mask { get; } = new();

    public static FlowTuple Original(Flow flow) => flow.Original ??= new FlowTuple();

    public static FlowTuple Reply(Flow flow) => flow.Reply ??= new FlowTuple();
}
