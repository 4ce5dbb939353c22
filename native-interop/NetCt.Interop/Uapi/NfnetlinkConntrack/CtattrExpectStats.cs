namespace NetCt.Interop;

/// <summary><c>enum ctattr_expect_stats</c>: attributes of an IPCTNL_MSG_EXP_GET_STATS_CPU reply (all u32).</summary>
public enum CtattrExpectStats : ushort
{
    /// <summary>CTA_STATS_EXP_UNSPEC.</summary>
    CTA_STATS_EXP_UNSPEC = 0,

    /// <summary>CTA_STATS_EXP_NEW.</summary>
    CTA_STATS_EXP_NEW = 1,

    /// <summary>CTA_STATS_EXP_CREATE.</summary>
    CTA_STATS_EXP_CREATE = 2,

    /// <summary>CTA_STATS_EXP_DELETE.</summary>
    CTA_STATS_EXP_DELETE = 3,
}
