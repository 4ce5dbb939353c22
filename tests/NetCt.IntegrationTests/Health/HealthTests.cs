using System.Globalization;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Health;

/// <summary>
/// <c>netct health</c> on a real table in a container: thresholds relative to the current
/// nf_conntrack_max give WARNING and CRITICAL with the knob to turn, the composition and the timeouts
/// match what the test put there, and the exit status is the monitoring-plugin convention.
/// </summary>
public sealed class HealthTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const int Entries = 400;

    // 400 entries: 300 tcp ESTABLISHED from 192.0.2.1 to port 443 (assured), 100 udp to port 53 in zone 7 from 192.0.2.2..
    private async Task LoadTableAsync()
    {
        await fixture.ResetAsync();
        var lines = new List<string>();
        for (int i = 0; i < 300; i++)
            lines.Add($"-I -p tcp -s 192.0.2.1 -d 198.51.100.{i % 200 + 1} --sport {10000 + i} --dport 443 --state ESTABLISHED -u SEEN_REPLY,ASSURED -t 600");
        for (int i = 0; i < 100; i++)
            lines.Add($"-I -p udp -s 192.0.2.{i % 50 + 2} -d 203.0.113.1 --sport {20000 + i} --dport 53 -w 7 -t 600");
        await fixture.LoadAsync(lines);
    }

    private async Task<uint> MaxAsync() =>
        uint.Parse((await fixture.ExecCheckedAsync("cat", "/proc/sys/net/netfilter/nf_conntrack_max")).Stdout.Trim(), CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AQuietTableIsOkAndTellsWhatFillsIt()
    {
        await LoadTableAsync();
        await fixture.SetSysctlAsync("net.netfilter.nf_conntrack_udp_timeout", "45");
        try
        {
            using var run = await HealthRun.JsonAsync(fixture, "--interval", "0.2", "--top", "3");

            Assert.Equal(0, run.Result.ExitCode);
            Assert.Equal("OK", run.Root.GetProperty("status").GetString());
            Assert.Equal(Entries, run.Number("table", "entries"));
            Assert.Equal(await MaxAsync(), run.Number("table", "max"));
            Assert.Equal("netlink", run.Root.GetProperty("counters").GetProperty("source").GetString());
            Assert.True(run.Root.GetProperty("counters").GetProperty("drop").TryGetProperty("per_second", out _));

            var composition = run.Root.GetProperty("composition");
            Assert.Equal(Entries, composition.GetProperty("entries").GetInt64());
            Assert.Equal(300, composition.GetProperty("assured").GetInt64());
            Assert.Equal(100, composition.GetProperty("unreplied").GetInt64());
            var states = composition.GetProperty("by_protocol_state").EnumerateArray().ToList();
            Assert.Equal("tcp", states[0].GetProperty("protocol").GetString());
            Assert.Equal("ESTABLISHED", states[0].GetProperty("state").GetString());
            Assert.Equal(300, states[0].GetProperty("entries").GetInt64());
            Assert.Contains(composition.GetProperty("by_zone").EnumerateArray(),
                zone => zone.GetProperty("zone").GetInt32() == 7 && zone.GetProperty("entries").GetInt64() == 100);
            var sources = composition.GetProperty("top_sources");
            Assert.Equal("192.0.2.1", sources.GetProperty("items")[0].GetProperty("address").GetString());
            Assert.Equal(300, sources.GetProperty("items")[0].GetProperty("entries").GetInt64());
            Assert.Equal(3, sources.GetProperty("items").GetArrayLength());
            Assert.Equal(Entries - 300 - 2 - 2, sources.GetProperty("other").GetInt64());
            var port = composition.GetProperty("top_destination_ports").GetProperty("items")[0];
            Assert.Equal(("tcp", 443), (port.GetProperty("protocol").GetString(), port.GetProperty("port").GetInt32()));

            var udp = run.Root.GetProperty("timeouts").EnumerateArray().Single(t => t.GetProperty("sysctl").GetString() == "nf_conntrack_udp_timeout");
            Assert.Equal(45, udp.GetProperty("seconds").GetInt64());
            // cttimeout's default-get reads the same per-namespace value the sysctl wrote.
            Assert.Equal(45, udp.GetProperty("default_get_seconds").GetInt64());
            Assert.Equal(45, udp.GetProperty("sysctl_seconds").GetInt64());
            Assert.Equal(30, udp.GetProperty("default_seconds").GetInt64());
            Assert.True(udp.GetProperty("changed").GetBoolean());
        }
        finally
        {
            await fixture.SetSysctlAsync("net.netfilter.nf_conntrack_udp_timeout", "30");
        }
    }

    [Fact]
    public async Task ThresholdsCrossedGiveWarningThenCriticalWithTheKnob()
    {
        await LoadTableAsync();
        uint max = await MaxAsync();
        double fill = 100.0 * Entries / max;

        using var warning = await HealthRun.JsonAsync(fixture, "--interval", "0", "--warn", Percent(fill / 2), "--crit", Percent(fill * 2));
        using var critical = await HealthRun.JsonAsync(fixture, "--interval", "0", "--warn", Percent(fill / 4), "--crit", Percent(fill / 2));

        Assert.Equal(1, warning.Result.ExitCode);
        Assert.Equal("WARNING", warning.Root.GetProperty("status").GetString());
        var finding = Assert.Single(warning.Findings("WARNING"));
        Assert.StartsWith($"table ", finding.GetProperty("problem").GetString());
        Assert.Contains($": {Entries} of {max} entries", finding.GetProperty("problem").GetString());
        Assert.StartsWith($"net.netfilter.nf_conntrack_max={System.Numerics.BitOperations.RoundUpToPowerOf2(2 * max)}", finding.GetProperty("knob").GetString());
        Assert.StartsWith("a full table then takes ", finding.GetProperty("cost").GetString());

        Assert.Equal(2, critical.Result.ExitCode);
        Assert.Single(critical.Findings("CRITICAL"));
    }

    [Fact]
    public async Task TheTextReportIsAlignedAndPlainInAPipe()
    {
        await LoadTableAsync();

        var result = await fixture.ExecAsync("netct", "health", "--interval", "0");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"netct health OK: {Entries} of ", result.Stdout);
        Assert.DoesNotContain("\e", result.Stdout);
        Assert.Contains("\n  tcp       ESTABLISHED      300  75.0\n", result.Stdout);
        Assert.Contains("\n  nf_conntrack_tcp_timeout_established", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task AWrongCommandLineIsUnknown()
    {
        var result = await fixture.ExecAsync("netct", "health", "--warn", "90", "--crit", "80");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.EndsWith("--warn must not be above --crit (see `netct help health')\n", result.Stderr);
    }
}
