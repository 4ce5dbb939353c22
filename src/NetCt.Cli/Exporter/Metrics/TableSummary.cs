namespace NetCt.Cli.Exporter.Metrics;

/// <summary>Entries of one protocol in one state.</summary>
internal readonly record struct ProtocolStateCount(string Protocol, string State, long Count);

/// <summary>Entries (or events) under one label value: a zone, a family, a source, an event type.</summary>
internal readonly record struct LabeledCount(string Label, long Count);

/// <summary>
/// What the live table model knows of one namespace's table at the moment of a scrape: counts by
/// key (already aggregated, never one series per connection) and the event stream's own counters.
/// </summary>
/// <param name="ByProtocolState">Entries by protocol × state (state empty for protocols without one).</param>
/// <param name="ByZone">Entries by conntrack zone.</param>
/// <param name="ByFamily">Entries by address family (ipv4, ipv6).</param>
/// <param name="Assured">Entries with IPS_ASSURED.</param>
/// <param name="Unreplied">Entries without IPS_SEEN_REPLY.</param>
/// <param name="TopSources">The K sources with the most entries (empty unless --top-sources).</param>
/// <param name="OtherSources">Entries of every other source.</param>
/// <param name="Events">Events received, by type (new, update, destroy).</param>
/// <param name="Overruns">Times the kernel dropped events (ENOBUFS).</param>
/// <param name="Resyncs">Times the model re-dumped the table after an overrun.</param>
internal sealed record TableSummary(
    IReadOnlyList<ProtocolStateCount> ByProtocolState,
    IReadOnlyList<LabeledCount> ByZone,
    IReadOnlyList<LabeledCount> ByFamily,
    long Assured,
    long Unreplied,
    IReadOnlyList<LabeledCount> TopSources,
    long OtherSources,
    IReadOnlyList<LabeledCount> Events,
    long Overruns,
    long Resyncs);
