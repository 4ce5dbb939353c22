namespace NetCt.Interop;

/// <summary><c>enum ctattr_synproxy</c>: members of a CTA_SYNPROXY nest.</summary>
public enum CtattrSynproxy : ushort
{
    /// <summary>CTA_SYNPROXY_UNSPEC.</summary>
    CTA_SYNPROXY_UNSPEC = 0,

    /// <summary>CTA_SYNPROXY_ISN: initial sequence number (u32).</summary>
    CTA_SYNPROXY_ISN = 1,

    /// <summary>CTA_SYNPROXY_ITS: initial timestamp (u32).</summary>
    CTA_SYNPROXY_ITS = 2,

    /// <summary>CTA_SYNPROXY_TSOFF: timestamp offset (u32).</summary>
    CTA_SYNPROXY_TSOFF = 3,
}
