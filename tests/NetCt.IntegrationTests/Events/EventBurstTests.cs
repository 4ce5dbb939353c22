using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Events;

/// <summary>
/// <c>netct -E</c> under a burst of creates from <c>conntrack -R</c>: with default settings, writing to
/// a file, it loses nothing (conntrack 1.4.8 itself loses events on such bursts); with a tiny
/// buffer it survives its overruns, says so, and with <c>--resync</c> re-reads the table.
/// </summary>
public sealed class EventBurstTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Fact]
    public async Task EveryCreateOfABurstIsShown()
    {
        const int creates = 20000;
        var burst = await RunBurstAsync("", creates);

        Assert.Equal(creates, burst.New);
        Assert.DoesNotContain("ENOBUFS", burst.Stderr);
        Assert.EndsWith($"{creates} flow events have been shown.\n", burst.Stderr);
        Assert.Equal(0, burst.ExitCode);
    }

    [Fact]
    public async Task OverrunsNeverEndTheStreamAndResyncReReadsTheTable()
    {
        const int creates = 3000;
        var burst = await RunBurstAsync("-b 1 --resync", creates);

        Assert.Equal(0, burst.ExitCode);
        string[] lines = burst.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NOTICE: Netlink socket buffer size has been set to \d+ bytes\.$", lines[0]);
        Assert.Equal("WARNING: We have hit ENOBUFS! We are losing events (overrun 1); see --buffer-size and --resync in netct(8).", lines[1]);
        int overruns = lines.Count(line => line.StartsWith("WARNING: We have hit ENOBUFS!", StringComparison.Ordinal));
        Assert.EndsWith($"{burst.New} flow events have been shown.", lines[^2]);
        Assert.EndsWith($"{overruns} overruns (ENOBUFS) have lost events.", lines[^1]);
        Assert.True(burst.New < creates, "a 2 KiB buffer cannot hold a burst");

        // The last re-read comes after the last overrun, once the burst is over: the whole table.
        Assert.True(burst.Resync >= creates, $"{burst.Resync} [RESYNC] lines");
    }

    private async Task<(int New, int Resync, string Stderr, long ExitCode)> RunBurstAsync(string arguments, int creates)
    {
        await fixture.ResetAsync();
        await fixture.ShellCheckedAsync(
            $"awk 'BEGIN {{ for (i = 0; i < {creates}; i++) printf \"-I -p udp -s 192.0.2.%d -d 198.51.100.%d --sport %d --dport 53 -t 3600\\n\", " +
            "i % 250 + 1, int(i / 250) % 250 + 1, 1024 + int(i / 62500) }' >/tmp/burst.txt");
        await fixture.ShellCheckedAsync(
            "rm -rf /tmp/burst && mkdir /tmp/burst && " +
            $"setsid sh -c 'netct -E {arguments} >/tmp/burst/out 2>/tmp/burst/err & echo $! >/tmp/burst/pid; wait $!; echo $? >/tmp/burst/rc' >/dev/null 2>&1 </dev/null &");
        await Task.Delay(1000);
        await fixture.ExecCheckedAsync("conntrack", "-R", "/tmp/burst.txt");
        await fixture.ShellCheckedAsync(
            "last=-1; quiet=0; while [ $quiet -lt 10 ]; do sleep 0.2; now=$(stat -c %s /tmp/burst/out); " +
            "if [ \"$now\" = \"$last\" ]; then quiet=$((quiet + 1)); else quiet=0; last=$now; fi; done; " +
            "kill -INT $(cat /tmp/burst/pid); for i in $(seq 100); do [ -s /tmp/burst/rc ] && break; sleep 0.1; done");

        var shown = await fixture.ShellAsync("grep -c '\\[NEW\\]' /tmp/burst/out");
        var resync = await fixture.ShellAsync("grep -c '^\\[RESYNC\\]' /tmp/burst/out");
        var stderr = await fixture.ShellCheckedAsync("cat /tmp/burst/err");
        var rc = await fixture.ShellCheckedAsync("cat /tmp/burst/rc");
        await fixture.ResetAsync();
        return (int.Parse(shown.Stdout.Trim()), int.Parse(resync.Stdout.Trim()), stderr.Stdout, long.Parse(rc.Stdout.Trim()));
    }
}
