using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Events;

/// <summary>
/// <c>netct -E</c> with default settings, writing to a file, loses nothing while <c>conntrack -R</c>
/// creates 20,000 entries as fast as it can (conntrack 1.4.8 itself loses events on such bursts).
/// </summary>
public sealed class EventBurstTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const int Creates = 20000;

    [Fact]
    public async Task EveryCreateOfABurstIsShown()
    {
        await fixture.ResetAsync();
        await fixture.ShellCheckedAsync(
            $"awk 'BEGIN {{ for (i = 0; i < {Creates}; i++) printf \"-I -p udp -s 192.0.2.%d -d 198.51.100.%d --sport %d --dport 53 -t 3600\\n\", " +
            "i % 250 + 1, int(i / 250) % 250 + 1, 1024 + int(i / 62500) }' >/tmp/burst.txt");
        await fixture.ShellCheckedAsync(
            "rm -rf /tmp/burst && mkdir /tmp/burst && " +
            "setsid sh -c 'netct -E >/tmp/burst/out 2>/tmp/burst/err & echo $! >/tmp/burst/pid; wait $!; echo $? >/tmp/burst/rc' >/dev/null 2>&1 </dev/null &");
        await Task.Delay(1000);
        await fixture.ExecCheckedAsync("conntrack", "-R", "/tmp/burst.txt");
        await fixture.ShellCheckedAsync(
            "last=-1; quiet=0; while [ $quiet -lt 10 ]; do sleep 0.2; now=$(stat -c %s /tmp/burst/out); " +
            "if [ \"$now\" = \"$last\" ]; then quiet=$((quiet + 1)); else quiet=0; last=$now; fi; done; " +
            "kill -INT $(cat /tmp/burst/pid); for i in $(seq 100); do [ -s /tmp/burst/rc ] && break; sleep 0.1; done");

        var shown = await fixture.ShellCheckedAsync("grep -c '\\[NEW\\]' /tmp/burst/out");
        var stderr = await fixture.ShellCheckedAsync("cat /tmp/burst/err");
        var rc = await fixture.ShellCheckedAsync("cat /tmp/burst/rc");
        await fixture.ResetAsync();

        Assert.Equal(Creates.ToString(), shown.Stdout.Trim());
        Assert.DoesNotContain("ENOBUFS", stderr.Stdout);
        Assert.EndsWith($"{Creates} flow events have been shown.\n", stderr.Stdout);
        Assert.Equal("0", rc.Stdout.Trim());
    }
}
