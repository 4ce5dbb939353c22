namespace NetCt.Interop;

/// <summary>
/// <c>enum ip_conntrack_status</c> (<c>linux/netfilter/nf_conntrack_common.h</c>): the CTA_STATUS
/// bits. Only the mask members are mirrored; the header's <c>IPS_*_BIT</c> numbers are their log2.
/// </summary>
[Flags]
public enum IpConntrackStatus : uint
{
    /// <summary>IPS_EXPECTED: an expected connection; never changes.</summary>
    IPS_EXPECTED = 1 << 0,

    /// <summary>IPS_SEEN_REPLY: packets seen in both directions; can be set, not unset.</summary>
    IPS_SEEN_REPLY = 1 << 1,

    /// <summary>IPS_ASSURED: never early-expired.</summary>
    IPS_ASSURED = 1 << 2,

    /// <summary>IPS_CONFIRMED: the first packet has left the box.</summary>
    IPS_CONFIRMED = 1 << 3,

    /// <summary>IPS_SRC_NAT: needs source NAT in the original direction; never changes.</summary>
    IPS_SRC_NAT = 1 << 4,

    /// <summary>IPS_DST_NAT: needs destination NAT in the original direction; never changes.</summary>
    IPS_DST_NAT = 1 << 5,

    /// <summary>IPS_NAT_MASK: IPS_DST_NAT | IPS_SRC_NAT.</summary>
    IPS_NAT_MASK = IPS_DST_NAT | IPS_SRC_NAT,

    /// <summary>IPS_SEQ_ADJUST: TCP sequence numbers need adjusting.</summary>
    IPS_SEQ_ADJUST = 1 << 6,

    /// <summary>IPS_SRC_NAT_DONE: source NAT initialised.</summary>
    IPS_SRC_NAT_DONE = 1 << 7,

    /// <summary>IPS_DST_NAT_DONE: destination NAT initialised.</summary>
    IPS_DST_NAT_DONE = 1 << 8,

    /// <summary>IPS_NAT_DONE_MASK: IPS_DST_NAT_DONE | IPS_SRC_NAT_DONE.</summary>
    IPS_NAT_DONE_MASK = IPS_DST_NAT_DONE | IPS_SRC_NAT_DONE,

    /// <summary>IPS_DYING: removed from the lists; cannot be unset.</summary>
    IPS_DYING = 1 << 9,

    /// <summary>IPS_FIXED_TIMEOUT: the timeout does not follow the protocol state.</summary>
    IPS_FIXED_TIMEOUT = 1 << 10,

    /// <summary>IPS_TEMPLATE: a template, not a real connection.</summary>
    IPS_TEMPLATE = 1 << 11,

    /// <summary>IPS_UNTRACKED: obsolete fake untracked entry; the kernel reuses bit 12 as NAT_CLASH (5.6+), the name conntrack prints.</summary>
    IPS_UNTRACKED = 1 << 12,

    /// <summary>IPS_HELPER: a helper was attached explicitly (ruleset or ctnetlink).</summary>
    IPS_HELPER = 1 << 13,

    /// <summary>IPS_OFFLOAD: offloaded to a flow table.</summary>
    IPS_OFFLOAD = 1 << 14,

    /// <summary>IPS_HW_OFFLOAD: offloaded to hardware.</summary>
    IPS_HW_OFFLOAD = 1 << 15,

    /// <summary>IPS_UNCHANGEABLE_MASK: bits userspace may not change.</summary>
    IPS_UNCHANGEABLE_MASK = IPS_NAT_DONE_MASK | IPS_NAT_MASK | IPS_EXPECTED | IPS_CONFIRMED | IPS_DYING
        | IPS_SEQ_ADJUST | IPS_TEMPLATE | IPS_UNTRACKED | IPS_OFFLOAD | IPS_HW_OFFLOAD,
}
