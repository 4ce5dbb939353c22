using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// Selects conntrack entries. Every criterion is optional; an entry matches when it satisfies all
/// the criteria that are set. <c>ConntrackClient</c> hands the criteria the running kernel
/// can evaluate to the kernel and always re-checks the whole filter with <see cref="Matches(Flow)"/>, so
/// the result never depends on which side did the work.
/// </summary>
public sealed class FlowFilter
{
    /// <summary>Only entries of this family (kernel-side: the nfgenmsg family of the dump).</summary>
    public IpFamily Family { get; set; }

    /// <summary>Fields the original tuple must have; unset fields match anything.</summary>
    public FlowTuple? Original { get; set; }

    /// <summary>Fields the reply tuple must have; unset fields match anything.</summary>
    public FlowTuple? Reply { get; set; }

    /// <summary>Netmask applied to <see cref="Original"/>'s source before comparing (CIDR or <c>--mask-src</c>).</summary>
    public IPAddress? OriginalSourceMask { get; set; }

    /// <summary>Netmask applied to <see cref="Original"/>'s destination before comparing (CIDR or <c>--mask-dst</c>).</summary>
    public IPAddress? OriginalDestinationMask { get; set; }

    /// <summary>The mark an entry must have after <see cref="MarkMask"/> is applied: <c>(mark &amp; MarkMask) == Mark</c>.</summary>
    public uint? Mark { get; set; }

    /// <summary>The bits of the mark that <see cref="Mark"/> speaks for.</summary>
    public uint MarkMask { get; set; } = uint.MaxValue;

    /// <summary>The status bits an entry must have after <see cref="StatusMask"/> is applied: <c>(status &amp; StatusMask) == Status</c>.</summary>
    /// <remarks>Set and clear bits combine freely, so "ASSURED but not SEEN_REPLY" is expressible.</remarks>
    public FlowStatus? Status { get; set; }

    /// <summary>The status bits that <see cref="Status"/> speaks for; bits outside it are ignored.</summary>
    public FlowStatus StatusMask { get; set; }

    /// <summary>The entry's zone (CTA_ZONE).</summary>
    public ushort? Zone { get; set; }

    /// <summary>The entry's security mark.</summary>
    public uint? Secmark { get; set; }

    /// <summary>The entry's id.</summary>
    public uint? Id { get; set; }

    /// <summary>The TCP state the entry must be in.</summary>
    public TcpState? TcpState { get; set; }

    /// <summary>The SCTP state the entry must be in.</summary>
    public SctpState? SctpState { get; set; }

    /// <summary>The DCCP state the entry must be in.</summary>
    public DccpState? DccpState { get; set; }

    /// <summary>Label bits that must all be set on the entry.</summary>
    public byte[]? Labels { get; set; }

    /// <summary>The entry must be source-NATed (as described).</summary>
    public NatFilter? SourceNat { get; set; }

    /// <summary>The entry must be destination-NATed (as described).</summary>
    public NatFilter? DestinationNat { get; set; }

    /// <summary>
    /// When true, an entry matches if it satisfies <see cref="SourceNat"/> OR <see cref="DestinationNat"/>
    /// (conntrack's <c>--any-nat</c>); otherwise each one that is set must hold.
    /// </summary>
    public bool AnyNat { get; set; }

    /// <summary>The wanted addresses as bytes, made when first judged with (see <see cref="AddressPattern.Of"/>).</summary>
    internal FilterAddressPatterns Patterns;

    /// <summary>Whether no criterion is set, so every entry matches.</summary>
    public bool IsEmpty => Family == IpFamily.Unspecified && Original is null && Reply is null
        && Mark is null && Status is null && Zone is null && Secmark is null && Id is null
        && TcpState is null && SctpState is null && DccpState is null && Labels is null
        && SourceNat is null && DestinationNat is null;

    /// <summary>Whether <paramref name="flow"/> satisfies every criterion of this filter.</summary>
    public bool Matches(Flow flow) => FlowFilterEvaluator.Matches(this, flow);

    /// <summary>Whether the entry read in place satisfies every criterion, judged as <see cref="Matches(Flow)"/> judges its decoded form.</summary>
    /// <param name="view">The entry (by reference only to spare a copy of it).</param>
    public bool Matches(ref FlowView view) => FlowFilterEvaluator.Matches(this, ref view);
}
