namespace NetCt.Conntrack;

/// <summary>The table's size as IPCTNL_MSG_CT_GET_STATS reports it.</summary>
/// <param name="Entries">CTA_STATS_GLOBAL_ENTRIES: the entries of the caller's network namespace.</param>
/// <param name="MaxEntries">CTA_STATS_GLOBAL_MAX_ENTRIES (nf_conntrack_max, one value for every namespace); null from kernels before 4.18, which do not send it.</param>
public readonly record struct ConntrackTableSize(uint Entries, uint? MaxEntries);
