using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Exporter;

/// <summary>
/// <c>netct exporter --all-netns</c> and <c>--netns</c>: three namespaces with different tables, each
/// series under its netns label; a namespace that appears is picked up and one that goes is dropped.
/// </summary>
public sealed class ExporterNamespacesTests(NamespaceContainerFixture fixture) : IClassFixture<NamespaceContainerFixture>
{
    private const int Port = 19102;

    private readonly PrometheusInContainer _prometheus = new(fixture);

    // Namespace NAME with COUNT udp entries (and one tcp entry in the first).
    private async Task PrepareAsync(params (string Name, int Count)[] namespaces)
    {
        await fixture.ShellAsync("for f in /tmp/exporter-*.pid; do [ -f \"$f\" ] && kill $(cat \"$f\") 2>/dev/null; done; sleep 0.3; rm -f /tmp/exporter-*; " +
            "for n in $(ip netns list | cut -d' ' -f1); do ip netns del $n; done");
        await fixture.ResetAsync();
        await fixture.BringUpLoopbackAsync();
        await _prometheus.InstallQueryHelperAsync();
        foreach (var (name, count) in namespaces)
            await AddNamespaceAsync(name, count);
    }

    private Task AddNamespaceAsync(string name, int count) =>
        fixture.ShellCheckedAsync(
            $"ip netns add {name} && for i in $(seq {count}); do " +
            $"ip netns exec {name} conntrack -I -p udp -s 192.0.2.1 -d 198.51.100.$i --sport 1 --dport 2 -t 300 >/dev/null 2>&1 || exit 1; done");

    private async Task<string> WaitForPageAsync(Func<string, bool> accept, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string page;
        while (!accept(page = await _prometheus.MetricsAsync(Port)))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{what} did not happen within 15 s:\n{page}\n{(await fixture.ShellAsync($"cat /tmp/exporter-{Port}.err")).Stdout}");
            await Task.Delay(250);
        }

        return page;
    }

    [Fact]
    public async Task All_netns_labels_every_namespace_and_follows_them_as_they_come_and_go()
    {
        await PrepareAsync(("blue", 1), ("green", 2), ("red", 3));
        await _prometheus.StartExporterAsync(Port, "--all-netns");

        string page = await WaitForPageAsync(p => p.Contains("netct_conntrack_entries{netns=\"red\""), "the first dumps");
        Assert.Contains("node_nf_conntrack_entries{netns=\"blue\"} 1\n", page);
        Assert.Contains("node_nf_conntrack_entries{netns=\"green\"} 2\n", page);
        Assert.Contains("node_nf_conntrack_entries{netns=\"red\"} 3\n", page);
        Assert.Contains("netct_conntrack_entries{netns=\"green\",protocol=\"udp\",state=\"\"} 2\n", page);
        // The container's own namespace (its processes' namespace, unnamed) is there too, empty.
        Assert.Matches("node_nf_conntrack_entries\\{netns=\"net:\\[[0-9]+\\]\"\\} 0\n", page);
        var check = await fixture.ShellAsync($"python3 /tmp/promq.py metrics {Port} | promtool check metrics");
        Assert.True(check.ExitCode == 0, check.ToString());

        // Events reach each namespace's own model.
        await fixture.ExecCheckedAsync("ip", "netns", "exec", "blue", "conntrack", "-I", "-p", "tcp", "-s", "192.0.2.9", "-d", "198.51.100.9", "--sport", "1", "--dport", "2", "--state", "ESTABLISHED", "-t", "300");
        await WaitForPageAsync(p => p.Contains("netct_conntrack_entries{netns=\"blue\",protocol=\"tcp\",state=\"ESTABLISHED\"} 1\n"), "an event in blue");

        await AddNamespaceAsync("yellow", 4);
        await fixture.ExecCheckedAsync("ip", "netns", "del", "red");
        page = await WaitForPageAsync(
            p => p.Contains("node_nf_conntrack_entries{netns=\"yellow\"} 4\n") && !p.Contains("netns=\"red\""),
            "yellow appearing and red going");
        Assert.Contains("node_nf_conntrack_entries{netns=\"green\"} 2\n", page);

        var (exitCode, stderr) = await _prometheus.StopExporterAsync(Port);
        Assert.Equal(0, exitCode);
        Assert.Contains("exporter: netns red: gone, no longer watched\n", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public async Task Netns_options_watch_exactly_the_namespaces_named()
    {
        await PrepareAsync(("blue", 1), ("green", 2), ("red", 3));
        await _prometheus.StartExporterAsync(Port, "--netns", "blue", "--netns", "/run/netns/red");

        string page = await WaitForPageAsync(p => p.Contains("netct_conntrack_entries{netns=\"/run/netns/red\""), "the first dumps");
        Assert.Contains("node_nf_conntrack_entries{netns=\"blue\"} 1\n", page);
        Assert.Contains("node_nf_conntrack_entries{netns=\"/run/netns/red\"} 3\n", page);
        Assert.DoesNotContain("green", page);
        Assert.Equal(0, (await _prometheus.StopExporterAsync(Port)).ExitCode);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_1()
    {
        await PrepareAsync();
        await _prometheus.StartExporterAsync(Port);
        var second = await fixture.ExecAsync("netct", "exporter", "--listen", $"127.0.0.1:{Port}");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal($"netct v0.1.0 (conntrack-tools 1.4.8 compatible): exporter: can't listen on 127.0.0.1:{Port}: Address already in use\n", second.Stderr);
        Assert.Equal(0, (await _prometheus.StopExporterAsync(Port)).ExitCode);
    }
}
