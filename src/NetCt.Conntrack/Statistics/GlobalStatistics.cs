namespace NetCt.Conntrack;

/// <summary>The table-wide numbers of IPCTNL_MSG_CT_GET_STATS: entries and the table's limit.</summary>
/// <param name="Entries">CTA_STATS_GLOBAL_ENTRIES, or null if the kernel did not send it.</param>
/// <param name="MaxEntries">CTA_STATS_GLOBAL_MAX_ENTRIES (nf_conntrack_max; kernels since 4.19), or null.</param>
public readonly record struct GlobalStatistics(uint? Entries, uint? MaxEntries);
