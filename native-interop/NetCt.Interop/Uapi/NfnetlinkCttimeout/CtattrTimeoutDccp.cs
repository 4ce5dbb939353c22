namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_dccp</c>: the nested attributes of CTA_TIMEOUT_DATA for dccp, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutDccp : ushort
{
    /// <summary>CTA_TIMEOUT_DCCP_UNSPEC.</summary>
    CTA_TIMEOUT_DCCP_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_DCCP_REQUEST.</summary>
    CTA_TIMEOUT_DCCP_REQUEST = 1,

    /// <summary>CTA_TIMEOUT_DCCP_RESPOND.</summary>
    CTA_TIMEOUT_DCCP_RESPOND = 2,

    /// <summary>CTA_TIMEOUT_DCCP_PARTOPEN.</summary>
    CTA_TIMEOUT_DCCP_PARTOPEN = 3,

    /// <summary>CTA_TIMEOUT_DCCP_OPEN.</summary>
    CTA_TIMEOUT_DCCP_OPEN = 4,

    /// <summary>CTA_TIMEOUT_DCCP_CLOSEREQ.</summary>
    CTA_TIMEOUT_DCCP_CLOSEREQ = 5,

    /// <summary>CTA_TIMEOUT_DCCP_CLOSING.</summary>
    CTA_TIMEOUT_DCCP_CLOSING = 6,

    /// <summary>CTA_TIMEOUT_DCCP_TIMEWAIT.</summary>
    CTA_TIMEOUT_DCCP_TIMEWAIT = 7,
}
