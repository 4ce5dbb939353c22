using NetCt.Cli.Exporter.Exposition;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>
/// Writes the exporter's metric families from one scrape's snapshots: node_exporter's conntrack
/// families first (same names, types and help, so its dashboards and alerts keep working), then
/// netct's own. Each family lists every namespace before the next family starts, as the formats require.
/// </summary>
internal static class ConntrackMetrics
{
    /// <summary>Used when /proc/slabinfo cannot be read: the nf_conntrack slab object on x86_64 kernels 5.x–6.x.</summary>
    public const long FallbackEntryBytes = 256;

    private const string Netns = "netns";

    // node_exporter sums these eight over the CPUs of /proc/net/stat/nf_conntrack and exports them as gauges.
    private static readonly (CtattrStatsCpu Type, string Name, string Help)[] NodeExporterStats =
    [
        (CtattrStatsCpu.CTA_STATS_FOUND, "found", "Number of searched entries which were successful."),
        (CtattrStatsCpu.CTA_STATS_INVALID, "invalid", "Number of packets seen which can not be tracked."),
        (CtattrStatsCpu.CTA_STATS_IGNORE, "ignore", "Number of packets seen which are already connected to a conntrack entry."),
        (CtattrStatsCpu.CTA_STATS_INSERT, "insert", "Number of entries inserted into the list."),
        (CtattrStatsCpu.CTA_STATS_INSERT_FAILED, "insert_failed", "Number of entries for which list insertion was attempted but failed."),
        (CtattrStatsCpu.CTA_STATS_DROP, "drop", "Number of packets dropped due to conntrack failure."),
        (CtattrStatsCpu.CTA_STATS_EARLY_DROP, "early_drop", "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached."),
        (CtattrStatsCpu.CTA_STATS_SEARCH_RESTART, "search_restart", "Number of conntrack table lookups which had to be restarted due to hashtable resizes."),
    ];

    public static void Write(ExpositionWriter writer, IReadOnlyList<NamespaceSnapshot> namespaces, HostFacts host, double scrapeSeconds)
    {
        var up = namespaces.Where(n => n.Up).ToList();
        Gauge(writer, "node_nf_conntrack_entries", "Number of currently allocated flow entries for connection tracking.", up, n => n.Entries);
        Gauge(writer, "node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.", up, n => n.Limit);
        foreach (var (type, name, help) in NodeExporterStats)
            Gauge(writer, "node_nf_conntrack_stat_" + name, help, up, n => Sum(n.Cpus, (ushort)type));

        WriteKernelCounters(writer, up);
        WriteTable(writer, up);

        Gauge(writer, "netct_conntrack_expectations", "Expectations in the table.", up, n => n.Expectations);
        long entryBytes = host.EntryBytes ?? FallbackEntryBytes;
        Gauge(
            writer,
            "netct_conntrack_kernel_memory_estimated_bytes",
            $"Kernel memory the entries take, estimated as entries times the nf_conntrack slab object size ({entryBytes} bytes here).",
            up,
            n => n.Entries * entryBytes);
        if (host.Buckets is { } buckets)
        {
            writer.Family("netct_conntrack_buckets", MetricType.Gauge, "Size of the conntrack hash table (nf_conntrack_buckets, one table for the host).");
            writer.Sample(buckets);
        }

        writer.Family("netct_conntrack_up", MetricType.Gauge, "1 if the namespace's table could be read for this scrape, 0 if not.");
        foreach (var snapshot in namespaces)
            writer.Sample(snapshot.Up ? 1 : 0, Labels(snapshot));

        writer.Family("netct_exporter_scrape_duration_seconds", MetricType.Gauge, "Time taken to collect this scrape's numbers.");
        writer.Sample(scrapeSeconds);
        writer.Family("netct_build_info", MetricType.Gauge, "netct's version; always 1.");
        writer.Sample(1, new MetricLabel("version", ProgramIdentity.Version));
        writer.Finish();
    }

    // Every counter the kernel sent, summed over the CPUs, as a real counter: conntrack's name for it.
    private static void WriteKernelCounters(ExpositionWriter writer, List<NamespaceSnapshot> up)
    {
        var types = new SortedSet<ushort>(up.SelectMany(n => n.Cpus).SelectMany(cpu => cpu.Counters).Select(c => c.AttributeType));
        foreach (ushort type in types)
        {
            string name = StatisticsFormatter.ConntrackCounterName(type) ?? $"stat{type}";
            Counter(writer, "netct_conntrack_stat_" + name, KernelCounterHelp.For(type) + " Summed over CPUs.", up, n => Sum(n.Cpus, type));
        }
    }

    private static void WriteTable(ExpositionWriter writer, List<NamespaceSnapshot> up)
    {
        var tables = up.Where(n => n.Table is not null).ToList();
        if (tables.Count == 0)
            return;

        writer.Family("netct_conntrack_entries", MetricType.Gauge, "Entries by protocol and state (state is empty for protocols that have none).");
        foreach (var n in tables)
        {
            foreach (var row in n.Table!.ByProtocolState)
                writer.Sample(row.Count, Labels(n, new MetricLabel("protocol", row.Protocol), new MetricLabel("state", row.State)));
        }

        Labeled(writer, "netct_conntrack_entries_by_zone", "Entries by conntrack zone.", tables, "zone", t => t.ByZone);
        Labeled(writer, "netct_conntrack_entries_by_family", "Entries by address family.", tables, "family", t => t.ByFamily);
        Gauge(writer, "netct_conntrack_assured_entries", "Entries marked ASSURED (seen traffic both ways; not early-dropped).", tables, n => n.Table!.Assured);
        Gauge(writer, "netct_conntrack_unreplied_entries", "Entries that have seen no reply yet.", tables, n => n.Table!.Unreplied);
        if (tables.Any(n => n.Table!.TopSources.Count > 0 || n.Table!.OtherSources > 0))
        {
            writer.Family("netct_conntrack_top_source_entries", MetricType.Gauge, "Entries of the sources with the most entries (original direction); source=\"other\" holds the rest.");
            foreach (var n in tables)
            {
                foreach (var row in n.Table!.TopSources)
                    writer.Sample(row.Count, Labels(n, new MetricLabel("source", row.Label)));
                writer.Sample(n.Table!.OtherSources, Labels(n, new MetricLabel("source", "other")));
            }
        }

        writer.Family("netct_conntrack_events", MetricType.Counter, "Conntrack events received from the kernel, by type.");
        foreach (var n in tables)
        {
            foreach (var row in n.Table!.Events)
                writer.Sample(row.Count, Labels(n, new MetricLabel("type", row.Label)));
        }

        Counter(writer, "netct_conntrack_event_overruns", "Times the kernel dropped events because netct's socket buffer was full (ENOBUFS).", tables, n => n.Table!.Overruns);
        Counter(writer, "netct_conntrack_resyncs", "Times the table was dumped again to recover from an overrun.", tables, n => n.Table!.Resyncs);
    }

    private static long? Sum(IReadOnlyList<CpuStatistics> cpus, ushort type)
    {
        long? sum = null;
        foreach (var cpu in cpus)
        {
            if (cpu[type] is { } value)
                sum = (sum ?? 0) + value;
        }

        return sum;
    }

    private static void Gauge(ExpositionWriter writer, string name, string help, List<NamespaceSnapshot> namespaces, Func<NamespaceSnapshot, long?> value) =>
        Family(writer, name, MetricType.Gauge, help, namespaces, value);

    private static void Counter(ExpositionWriter writer, string name, string help, List<NamespaceSnapshot> namespaces, Func<NamespaceSnapshot, long?> value) =>
        Family(writer, name, MetricType.Counter, help, namespaces, value);

    // A family appears only if some namespace has its value: no series that pretend a missing number is 0.
    private static void Family(ExpositionWriter writer, string name, MetricType type, string help, List<NamespaceSnapshot> namespaces, Func<NamespaceSnapshot, long?> value)
    {
        bool started = false;
        foreach (var snapshot in namespaces)
        {
            if (value(snapshot) is not { } number)
                continue;
            if (!started)
                writer.Family(name, type, help);
            started = true;
            writer.Sample(number, Labels(snapshot));
        }
    }

    private static void Labeled(ExpositionWriter writer, string name, string help, List<NamespaceSnapshot> tables, string label, Func<TableSummary, IReadOnlyList<LabeledCount>> rows)
    {
        writer.Family(name, MetricType.Gauge, help);
        foreach (var n in tables)
        {
            foreach (var row in rows(n.Table!))
                writer.Sample(row.Count, Labels(n, new MetricLabel(label, row.Label)));
        }
    }

    private static MetricLabel[] Labels(NamespaceSnapshot snapshot, params MetricLabel[] labels) =>
        snapshot.Netns is null ? labels : [new(Netns, snapshot.Netns), .. labels];
}
