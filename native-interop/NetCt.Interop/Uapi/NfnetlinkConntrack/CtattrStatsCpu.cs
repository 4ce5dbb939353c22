namespace NetCt.Interop;

/// <summary><c>enum ctattr_stats_cpu</c>: attributes of an IPCTNL_MSG_CT_GET_STATS_CPU reply (all u32).</summary>
public enum CtattrStatsCpu : ushort
{
    /// <summary>CTA_STATS_UNSPEC.</summary>
    CTA_STATS_UNSPEC = 0,

    /// <summary>CTA_STATS_SEARCHED: no longer used.</summary>
    CTA_STATS_SEARCHED = 1,

    /// <summary>CTA_STATS_FOUND.</summary>
    CTA_STATS_FOUND = 2,

    /// <summary>CTA_STATS_NEW: no longer used.</summary>
    CTA_STATS_NEW = 3,

    /// <summary>CTA_STATS_INVALID.</summary>
    CTA_STATS_INVALID = 4,

    /// <summary>CTA_STATS_IGNORE: no longer used.</summary>
    CTA_STATS_IGNORE = 5,

    /// <summary>CTA_STATS_DELETE: no longer used.</summary>
    CTA_STATS_DELETE = 6,

    /// <summary>CTA_STATS_DELETE_LIST: no longer used.</summary>
    CTA_STATS_DELETE_LIST = 7,

    /// <summary>CTA_STATS_INSERT.</summary>
    CTA_STATS_INSERT = 8,

    /// <summary>CTA_STATS_INSERT_FAILED.</summary>
    CTA_STATS_INSERT_FAILED = 9,

    /// <summary>CTA_STATS_DROP.</summary>
    CTA_STATS_DROP = 10,

    /// <summary>CTA_STATS_EARLY_DROP.</summary>
    CTA_STATS_EARLY_DROP = 11,

    /// <summary>CTA_STATS_ERROR.</summary>
    CTA_STATS_ERROR = 12,

    /// <summary>CTA_STATS_SEARCH_RESTART.</summary>
    CTA_STATS_SEARCH_RESTART = 13,

    /// <summary>CTA_STATS_CLASH_RESOLVE (5.10+).</summary>
    CTA_STATS_CLASH_RESOLVE = 14,

    /// <summary>CTA_STATS_CHAIN_TOOLONG (6.3+).</summary>
    CTA_STATS_CHAIN_TOOLONG = 15,
}
