using NetCt.Conntrack;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>
/// One namespace's numbers for one scrape. A value the kernel did not give (an old kernel, a refusal)
/// is null and its series is left out rather than reported as zero.
/// </summary>
/// <param name="Netns">The netns label, or null when netct watches only the namespace it runs in.</param>
/// <param name="Up">False when the namespace could not be read this time (its series are then absent).</param>
/// <param name="Entries">CTA_STATS_GLOBAL_ENTRIES (what <c>conntrack -C</c> prints).</param>
/// <param name="Limit">CTA_STATS_GLOBAL_MAX_ENTRIES (nf_conntrack_max).</param>
/// <param name="Cpus">The per-CPU statistics (what <c>conntrack -S</c> prints).</param>
/// <param name="Expectations">Expectations in the table.</param>
/// <param name="Table">The live table model's aggregates, null until its first dump is done.</param>
internal sealed record NamespaceSnapshot(
    string? Netns,
    bool Up,
    uint? Entries,
    uint? Limit,
    IReadOnlyList<CpuStatistics> Cpus,
    long? Expectations,
    TableSummary? Table);
