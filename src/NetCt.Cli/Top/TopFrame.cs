using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>Everything one screen shows that comes from the kernel and the model, read at one refresh.</summary>
/// <param name="Counters">The model's counters.</param>
/// <param name="NewRate">NEW events per second since the previous refresh.</param>
/// <param name="DestroyRate">DESTROY events per second since the previous refresh.</param>
/// <param name="Maximum">nf_conntrack_max, when readable.</param>
/// <param name="DropRate">The kernel's drop counter per second (per-CPU statistics summed), when known.</param>
/// <param name="InsertFailedRate">The kernel's insert_failed counter per second, when known.</param>
/// <param name="Loaded">Whether the first dump is in.</param>
/// <param name="Now">The model clock, for the TTL column.</param>
/// <param name="Entries">The page of entries on screen (entries view).</param>
/// <param name="Groups">The groups (grouping view).</param>
/// <param name="GroupNewRates">NEW events per second of each group on screen.</param>
internal sealed record TopFrame(
    LiveTableCounters Counters,
    double NewRate,
    double DestroyRate,
    long? Maximum,
    double? DropRate,
    double? InsertFailedRate,
    bool Loaded,
    uint Now,
    LiveEntryPage? Entries,
    GroupTable? Groups,
    IReadOnlyDictionary<GroupKey, double>? GroupNewRates);
