namespace NetCt.Interop;

/// <summary><c>enum ctattr_stats_global</c>: attributes of an IPCTNL_MSG_CT_GET_STATS reply (all u32).</summary>
public enum CtattrStatsGlobal : ushort
{
    /// <summary>CTA_STATS_GLOBAL_UNSPEC.</summary>
    CTA_STATS_GLOBAL_UNSPEC = 0,

    /// <summary>CTA_STATS_GLOBAL_ENTRIES: entries in the table.</summary>
    CTA_STATS_GLOBAL_ENTRIES = 1,

    /// <summary>CTA_STATS_GLOBAL_MAX_ENTRIES: table size limit (nf_conntrack_max).</summary>
    CTA_STATS_GLOBAL_MAX_ENTRIES = 2,
}
