using NetCt.Interop;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>What each per-CPU CTA_STATS_* counter counts, as the kernel's nf_conntrack code uses it.</summary>
internal static class KernelCounterHelp
{
    public static string For(ushort attributeType) => (CtattrStatsCpu)attributeType switch
    {
        CtattrStatsCpu.CTA_STATS_SEARCHED => "Table searches (no longer counted by kernels since 4.10).",
        CtattrStatsCpu.CTA_STATS_FOUND => "Lookups that found an entry.",
        CtattrStatsCpu.CTA_STATS_NEW => "New entries (no longer counted by kernels since 4.10).",
        CtattrStatsCpu.CTA_STATS_INVALID => "Packets that could not be tracked.",
        CtattrStatsCpu.CTA_STATS_IGNORE => "Packets already tracked or not to be tracked.",
        CtattrStatsCpu.CTA_STATS_DELETE => "Entries deleted (no longer counted by kernels since 4.10).",
        CtattrStatsCpu.CTA_STATS_DELETE_LIST => "Entries removed from the list (no longer counted by kernels since 4.10).",
        CtattrStatsCpu.CTA_STATS_INSERT => "Entries inserted into the table.",
        CtattrStatsCpu.CTA_STATS_INSERT_FAILED => "Entries whose insertion failed (an entry with the same tuple existed).",
        CtattrStatsCpu.CTA_STATS_DROP => "Packets dropped because conntrack failed (allocation or helper).",
        CtattrStatsCpu.CTA_STATS_EARLY_DROP => "Entries dropped to make room when the table was full.",
        CtattrStatsCpu.CTA_STATS_ERROR => "Packets with an error (ICMP errors that matched no entry and the like).",
        CtattrStatsCpu.CTA_STATS_SEARCH_RESTART => "Lookups restarted because the hash table was resized.",
        CtattrStatsCpu.CTA_STATS_CLASH_RESOLVE => "Insertion clashes resolved (the packet took the existing entry).",
        CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG => "Insertions refused because a hash chain was too long.",
        _ => $"Kernel per-CPU conntrack counter of attribute type {attributeType}, unknown to this netct.",
    };
}
