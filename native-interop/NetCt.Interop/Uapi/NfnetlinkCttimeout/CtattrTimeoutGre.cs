namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_gre</c>: the nested attributes of CTA_TIMEOUT_DATA for gre, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutGre : ushort
{
    /// <summary>CTA_TIMEOUT_GRE_UNSPEC.</summary>
    CTA_TIMEOUT_GRE_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_GRE_UNREPLIED.</summary>
    CTA_TIMEOUT_GRE_UNREPLIED = 1,

    /// <summary>CTA_TIMEOUT_GRE_REPLIED.</summary>
    CTA_TIMEOUT_GRE_REPLIED = 2,
}
