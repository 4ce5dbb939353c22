using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>
/// Everything <c>netct health</c> read, as read: the input of <see cref="HealthReportBuilder"/>. A null
/// value could not be read; <see cref="Problems"/> says why.
/// </summary>
internal sealed record HealthReadings
{
    public uint? Entries { get; init; }

    /// <summary>nf_conntrack_max: global (init namespace), while <see cref="Entries"/> counts this namespace.</summary>
    public uint? MaxEntries { get; init; }

    public uint? Buckets { get; init; }

    public long? Expectations { get; init; }

    public uint? ExpectationMax { get; init; }

    public bool? Accounting { get; init; }

    public bool? Timestamps { get; init; }

    public CounterReadings? Counters { get; init; }

    /// <summary>The table's composition from one dump, or null if the dump was refused.</summary>
    public FlowComposition? Composition { get; init; }

    /// <summary>The nf_conntrack_*timeout* sysctls in force, by file name, in name order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Timeouts { get; init; } = [];

    /// <summary>The same timeouts as cttimeout's default-get reports them, by sysctl name; null if the subsystem refused.</summary>
    public IReadOnlyDictionary<string, long>? DefaultTimeouts { get; init; }

    /// <summary>The object size of the nf_conntrack slab cache (/proc/slabinfo), in bytes.</summary>
    public int? EntryObjectSize { get; init; }

    /// <summary>What could not be read, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
