namespace NetCt.Conntrack;

/// <summary>
/// The per-CPU conntrack counters that tell of trouble or work (a subset of CTA_STATS_*), as
/// <see cref="ConntrackCounterSnapshot"/> reads them from netlink or from /proc/net/stat/nf_conntrack.
/// </summary>
public enum ConntrackCounter
{
    /// <summary>CTA_STATS_FOUND (/proc: found): lookups that found an entry.</summary>
    Found,

    /// <summary>CTA_STATS_INVALID (/proc: invalid): packets that could not be tracked.</summary>
    Invalid,

    /// <summary>CTA_STATS_INSERT (/proc: insert): entries inserted.</summary>
    Insert,

    /// <summary>CTA_STATS_INSERT_FAILED (/proc: insert_failed): inserts that failed (a clash that could not be resolved); the packet is dropped.</summary>
    InsertFailed,

    /// <summary>CTA_STATS_DROP (/proc: drop): packets dropped because no entry could be allocated (the table was full).</summary>
    Drop,

    /// <summary>CTA_STATS_EARLY_DROP (/proc: early_drop): entries evicted before their time to make room.</summary>
    EarlyDrop,

    /// <summary>CTA_STATS_ERROR (/proc: icmp_error): packets the protocol tracker found in error.</summary>
    Error,

    /// <summary>CTA_STATS_SEARCH_RESTART (/proc: search_restart): lookups restarted because the hash table was resized or changed under them.</summary>
    SearchRestart,

    /// <summary>CTA_STATS_CLASH_RESOLVE (/proc: clashres, 5.10+): clashes of parallel packets that were resolved.</summary>
    ClashResolve,

    /// <summary>CTA_STATS_CHAIN_TOOLONG (/proc: chainlength, 6.3+): inserts refused because a hash chain was too long.</summary>
    ChainTooLong,
}
