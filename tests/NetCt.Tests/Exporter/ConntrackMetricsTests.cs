using System.Buffers;
using System.Text;
using NetCt.Cli.Exporter.Exposition;
using NetCt.Cli.Exporter.Metrics;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Tests.Exporter;

/// <summary>The metric families written from fixture snapshots: node_exporter's names and sums, netct's counters, labels, and promtool's verdict.</summary>
public sealed class ConntrackMetricsTests
{
    private static readonly HostFacts Host = new(Buckets: 65536, EntryBytes: 320);

    // Two CPUs as a 6.x kernel sends them: no searched/new/delete counters, clash_resolve and chaintoolong present.
    private static CpuStatistics Cpu(ushort cpu, uint found, uint insertFailed, uint drop, uint chainTooLong) => new(cpu,
    [
        new((ushort)CtattrStatsCpu.CTA_STATS_FOUND, found),
        new((ushort)CtattrStatsCpu.CTA_STATS_INVALID, 5),
        new((ushort)CtattrStatsCpu.CTA_STATS_INSERT, 0),
        new((ushort)CtattrStatsCpu.CTA_STATS_INSERT_FAILED, insertFailed),
        new((ushort)CtattrStatsCpu.CTA_STATS_DROP, drop),
        new((ushort)CtattrStatsCpu.CTA_STATS_EARLY_DROP, 0),
        new((ushort)CtattrStatsCpu.CTA_STATS_ERROR, 1),
        new((ushort)CtattrStatsCpu.CTA_STATS_SEARCH_RESTART, 2),
        new((ushort)CtattrStatsCpu.CTA_STATS_CLASH_RESOLVE, 3),
        new((ushort)CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG, chainTooLong),
        new(16, 9),
    ]);

    private static readonly TableSummary Table = new(
        [new("tcp", "ESTABLISHED", 3), new("tcp", "TIME_WAIT", 1), new("udp", "", 2)],
        [new("0", 5), new("7", 1)],
        [new("ipv4", 4), new("ipv6", 2)],
        Assured: 3,
        Unreplied: 2,
        [new("192.0.2.1", 4)],
        OtherSources: 2,
        [new("new", 10), new("update", 4), new("destroy", 4), new("undecodable", 0)],
        Overruns: 1,
        Resyncs: 1);

    private static NamespaceSnapshot Snapshot(string? netns, TableSummary? table = null) =>
        new(netns, true, Entries: 6, Limit: 262144, [Cpu(0, 10, 1, 0, 0), Cpu(1, 20, 2, 4, 1)], Expectations: 0, table ?? Table);

    private static string Render(IReadOnlyList<NamespaceSnapshot> namespaces, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var output = new ArrayBufferWriter<byte>();
        ConntrackMetrics.Write(new ExpositionWriter(output, format), namespaces, Host, 0.0015);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void NodeExportersFamiliesKeepTheirNamesTypesAndHelpAndSumTheCpus()
    {
        string text = Render([Snapshot(null)]);

        Assert.Contains("# HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.\n# TYPE node_nf_conntrack_entries gauge\nnode_nf_conntrack_entries 6\n", text);
        Assert.Contains("# TYPE node_nf_conntrack_entries_limit gauge\nnode_nf_conntrack_entries_limit 262144\n", text);
        Assert.Contains("# HELP node_nf_conntrack_stat_insert_failed Number of entries for which list insertion was attempted but failed.\n# TYPE node_nf_conntrack_stat_insert_failed gauge\nnode_nf_conntrack_stat_insert_failed 3\n", text);
        Assert.Contains("node_nf_conntrack_stat_found 30\n", text);
        Assert.Contains("node_nf_conntrack_stat_drop 4\n", text);
        Assert.Contains("node_nf_conntrack_stat_search_restart 4\n", text);
        // The kernel did not send CTA_STATS_IGNORE: no series rather than a made-up 0.
        Assert.DoesNotContain("node_nf_conntrack_stat_ignore", text);
    }

    [Fact]
    public void EveryKernelCounterIsARealCounterIncludingTheNewOnes()
    {
        string text = Render([Snapshot(null)]);

        Assert.Contains("# TYPE netct_conntrack_stat_clash_resolve_total counter\nnetct_conntrack_stat_clash_resolve_total 6\n", text);
        Assert.Contains("netct_conntrack_stat_chaintoolong_total 1\n", text);
        Assert.Contains("netct_conntrack_stat_error_total 2\n", text);
        // A type newer than this netct still shows, under its number.
        Assert.Contains("netct_conntrack_stat_stat16_total 18\n", text);
    }

    [Fact]
    public void TheLiveTableAggregatesBecomeBoundedSeries()
    {
        string text = Render([Snapshot(null)]);

        Assert.Contains("netct_conntrack_entries{protocol=\"tcp\",state=\"ESTABLISHED\"} 3\n", text);
        Assert.Contains("netct_conntrack_entries{protocol=\"udp\",state=\"\"} 2\n", text);
        Assert.Contains("netct_conntrack_entries_by_zone{zone=\"7\"} 1\n", text);
        Assert.Contains("netct_conntrack_entries_by_family{family=\"ipv6\"} 2\n", text);
        Assert.Contains("netct_conntrack_assured_entries 3\n", text);
        Assert.Contains("netct_conntrack_unreplied_entries 2\n", text);
        Assert.Contains("netct_conntrack_top_source_entries{source=\"192.0.2.1\"} 4\nnetct_conntrack_top_source_entries{source=\"other\"} 2\n", text);
        Assert.Contains("# TYPE netct_conntrack_events_total counter\nnetct_conntrack_events_total{type=\"new\"} 10\n", text);
        Assert.Contains("netct_conntrack_event_overruns_total 1\n", text);
        Assert.Contains("netct_conntrack_resyncs_total 1\n", text);
        Assert.Contains("netct_conntrack_kernel_memory_estimated_bytes 1920\n", text);
        Assert.Contains("netct_conntrack_buckets 65536\n", text);
        Assert.Contains("netct_exporter_scrape_duration_seconds 0.0015\n", text);
        Assert.Contains("netct_build_info{version=\"", text);
    }

    [Fact]
    public void WithoutTopSourcesThereIsNoSourceFamily()
    {
        string text = Render([Snapshot(null, Table with { TopSources = [], OtherSources = 0 })]);

        Assert.DoesNotContain("source=", text);
    }

    [Fact]
    public void SeveralNamespacesShareEachFamilyUnderANetnsLabel()
    {
        var down = new NamespaceSnapshot("gone", false, null, null, [], null, null);
        string text = Render([Snapshot("blue"), Snapshot("red", Table with { Overruns = 0 }), down]);

        Assert.Contains("node_nf_conntrack_entries{netns=\"blue\"} 6\nnode_nf_conntrack_entries{netns=\"red\"} 6\n", text);
        Assert.Contains("netct_conntrack_entries{netns=\"red\",protocol=\"tcp\",state=\"TIME_WAIT\"} 1\n", text);
        Assert.Contains("netct_conntrack_up{netns=\"blue\"} 1\nnetct_conntrack_up{netns=\"red\"} 1\nnetct_conntrack_up{netns=\"gone\"} 0\n", text);
        Assert.DoesNotContain("node_nf_conntrack_entries{netns=\"gone\"}", text);
        // Each family's HELP appears once, all its series together.
        Assert.Single(text.Split('\n'), line => line.StartsWith("# HELP node_nf_conntrack_entries ", StringComparison.Ordinal));
    }

    [Fact]
    public void BeforeTheFirstDumpOnlyTheKernelsNumbersAreShown()
    {
        string text = Render([Snapshot(null) with { Table = null }]);

        Assert.Contains("node_nf_conntrack_entries 6\n", text);
        Assert.DoesNotContain("netct_conntrack_entries{", text);
        Assert.DoesNotContain("netct_conntrack_events_total", text);
    }

    [Fact]
    public void PromtoolAcceptsTheWholeExposition()
    {
        var (exitCode, output) = Promtool.CheckMetrics(Render([Snapshot("blue"), Snapshot("a\"b\\c")]));

        Assert.True(exitCode == 0, output);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void OpenMetricsEndsWithEofAndNamesCountersWithoutTotal()
    {
        string text = Render([Snapshot(null)], ExpositionFormat.OpenMetrics);

        Assert.EndsWith("# EOF\n", text);
        Assert.Contains("# TYPE netct_conntrack_resyncs counter\nnetct_conntrack_resyncs_total 1\n", text);
    }
}
