namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_icmpv6</c>: the nested attributes of CTA_TIMEOUT_DATA for icmpv6, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutIcmpv6 : ushort
{
    /// <summary>CTA_TIMEOUT_ICMPV6_UNSPEC.</summary>
    CTA_TIMEOUT_ICMPV6_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_ICMPV6_TIMEOUT.</summary>
    CTA_TIMEOUT_ICMPV6_TIMEOUT = 1,
}
