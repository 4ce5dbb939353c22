using System.Globalization;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Exporter;

/// <summary>
/// <c>netct exporter</c> scraped by a real Prometheus in the container: what Prometheus stores equals
/// what conntrack and netct say of the same table, a burst shows at the next scrape, and an overrun
/// (a tiny event buffer) is repaired by a resync.
/// </summary>
public sealed class ExporterPrometheusTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const int Port = 19100;
    private const int TinyBufferPort = 19101;

    private readonly PrometheusInContainer _prometheus = new(fixture);

    private async Task FreshTableAsync()
    {
        // Each test starts its own exporters and Prometheus: stop the previous test's ones first.
        await fixture.ShellAsync("for f in /tmp/exporter-*.pid; do [ -f \"$f\" ] && kill $(cat \"$f\") 2>/dev/null; done; " +
            "[ -f /tmp/prometheus.pid ] && kill $(cat /tmp/prometheus.pid) 2>/dev/null; sleep 0.5; rm -f /tmp/exporter-*");
        await fixture.ResetAsync();
        await fixture.BringUpLoopbackAsync();
        await _prometheus.InstallQueryHelperAsync();
    }

    // conntrack wants -p before the protocol's own options (--sport, --state).
    private static IEnumerable<string> Entries(string protocolAndState, int count, int firstHost, int port)
    {
        string[] words = protocolAndState.Split(' ', 3);
        string state = words.Length > 2 ? words[2] : "";
        return Enumerable.Range(0, count).Select(i =>
            $"-I -s 192.0.2.{firstHost + (i / 250)} -d 198.51.100.{1 + (i % 250)} {words[0]} {words[1]} --sport {port} --dport {1000 + i} {state} -t 300");
    }

    [Fact]
    public async Task Entries_and_states_in_Prometheus_equal_conntrack_and_netct()
    {
        await FreshTableAsync();
        await fixture.LoadAsync(
            Entries("-p tcp --state ESTABLISHED", 30, 1, 1)
                .Concat(Entries("-p tcp --state TIME_WAIT", 10, 11, 2))
                .Concat(Entries("-p tcp --state SYN_SENT", 5, 21, 3))
                .Concat(Entries("-p udp", 20, 31, 4))
                .Concat(Enumerable.Range(1, 3).Select(i => $"-I -s 192.0.2.41 -d 198.51.100.{i} -p icmp --icmp-type 8 --icmp-code 0 --icmp-id {i} -t 30")));
        await _prometheus.StartExporterAsync(Port);
        await _prometheus.StartPrometheusAsync(Port);

        long count = await _prometheus.NetctCountAsync();
        Assert.Equal(68, count);
        await _prometheus.WaitForAsync("node_nf_conntrack_entries", value => value == count, TimeSpan.FromSeconds(10));
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), (await fixture.ConntrackAsync("-C")).Stdout.Trim());

        // -L counted by protocol and state (the fourth word of a TCP line), as netct_conntrack_entries
        // splits it; Prometheus drops an empty label, so a protocol without state has no state label.
        var listed = await fixture.ShellCheckedAsync(
            "netct -L 2>/dev/null | awk '{ s = ($1 == \"tcp\") ? \",state=\" $4 : \"\"; print \"protocol=\" $1 s }' | sort | uniq -c");
        var expected = listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' '))
            .ToDictionary(parts => "job=exporter-19100," + parts[1], parts => double.Parse(parts[0], CultureInfo.InvariantCulture));
        var stored = await _prometheus.QueryAsync("netct_conntrack_entries");
        Assert.Equal(expected.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
        Assert.Equal(5, expected.Count);

        // The limit, the -S counters and the page itself: promtool accepts what Prometheus scraped.
        var limit = (await fixture.ExecCheckedAsync("cat", "/proc/sys/net/netfilter/nf_conntrack_max")).Stdout.Trim();
        Assert.Equal(double.Parse(limit, CultureInfo.InvariantCulture), (await _prometheus.QueryAsync("node_nf_conntrack_entries_limit")).Values.Single());
        // The per-CPU counters grow for the namespace's lifetime (earlier tests count too): equal to -S's sum.
        var inserts = await fixture.ShellCheckedAsync("netct -S | grep -o ' insert=[0-9]*' | awk -F= '{ s += $2 } END { print s }'");
        Assert.Equal(double.Parse(inserts.Stdout.Trim(), CultureInfo.InvariantCulture), (await _prometheus.QueryAsync("netct_conntrack_stat_insert_total")).Values.Single());
        var check = await fixture.ShellAsync($"python3 /tmp/promq.py metrics {Port} | promtool check metrics");
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public async Task A_burst_of_creates_shows_at_the_next_scrape()
    {
        await FreshTableAsync();
        await fixture.LoadAsync(Entries("-p udp", 10, 1, 1));
        await _prometheus.StartExporterAsync(Port);
        await _prometheus.StartPrometheusAsync(Port);
        await _prometheus.WaitForAsync("sum(netct_conntrack_entries)", value => value == 10, TimeSpan.FromSeconds(10));

        await fixture.LoadAsync(Entries("-p tcp --state ESTABLISHED", 500, 101, 2));
        double burstEnd = await _prometheus.NowAsync();
        await Task.Delay(TimeSpan.FromSeconds(3 * PrometheusInContainer.ScrapeSeconds));

        // The model is fed by events, so the first scrape after the burst already has it.
        var series = await _prometheus.QueryRangeAsync("sum(netct_conntrack_entries)", burstEnd, burstEnd + 3, 0.05);
        double shownAt = series.First(point => point.Value == 510).Time;
        Assert.InRange(shownAt - burstEnd, -1, PrometheusInContainer.ScrapeSeconds + 0.3);
        Assert.Equal(510, await _prometheus.NetctCountAsync());
    }

    [Fact]
    public async Task An_overrun_is_followed_by_a_resync_that_brings_the_numbers_back()
    {
        await FreshTableAsync();
        await _prometheus.StartExporterAsync(TinyBufferPort, "--event-buffer", "4096");
        await _prometheus.StartPrometheusAsync(TinyBufferPort);

        // Thousands of events at once cannot fit a 4 KiB receive buffer: the kernel drops some.
        await fixture.LoadAsync(Entries("-p udp", 3000, 1, 1));
        await fixture.ExecCheckedAsync("conntrack", "-D", "-p", "udp", "--dport", "1500");
        await fixture.ShellCheckedAsync("conntrack -D -p udp -s 192.0.2.3 >/dev/null 2>&1; true");
        long truth = await _prometheus.NetctCountAsync();
        Assert.InRange(truth, 2000, 2999);

        await _prometheus.WaitForAsync("netct_conntrack_event_overruns_total", value => value >= 1, TimeSpan.FromSeconds(10));
        await _prometheus.WaitForAsync("netct_conntrack_resyncs_total", value => value >= 1, TimeSpan.FromSeconds(10));
        await _prometheus.WaitForAsync("sum(netct_conntrack_entries)", value => value == truth, TimeSpan.FromSeconds(10));

        // After the resync the events keep the model true.
        await fixture.LoadAsync(Entries("-p tcp --state ESTABLISHED", 5, 200, 9));
        await _prometheus.WaitForAsync("sum(netct_conntrack_entries)", value => value == truth + 5, TimeSpan.FromSeconds(10));
        var (exitCode, stderr) = await _prometheus.StopExporterAsync(TinyBufferPort);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Exception", stderr);
    }
}
