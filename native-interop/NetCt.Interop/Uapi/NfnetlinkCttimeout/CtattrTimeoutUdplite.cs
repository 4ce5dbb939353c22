namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_udplite</c>: the nested attributes of CTA_TIMEOUT_DATA for udplite, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutUdplite : ushort
{
    /// <summary>CTA_TIMEOUT_UDPLITE_UNSPEC.</summary>
    CTA_TIMEOUT_UDPLITE_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_UDPLITE_UNREPLIED.</summary>
    CTA_TIMEOUT_UDPLITE_UNREPLIED = 1,

    /// <summary>CTA_TIMEOUT_UDPLITE_REPLIED.</summary>
    CTA_TIMEOUT_UDPLITE_REPLIED = 2,
}
