namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_icmp</c>: the nested attributes of CTA_TIMEOUT_DATA for icmp, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutIcmp : ushort
{
    /// <summary>CTA_TIMEOUT_ICMP_UNSPEC.</summary>
    CTA_TIMEOUT_ICMP_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_ICMP_TIMEOUT.</summary>
    CTA_TIMEOUT_ICMP_TIMEOUT = 1,
}
