using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>
/// Signals end netct as they end conntrack 1.4.8: SIGINT and SIGTERM during -L or -D kill it
/// (no summary, the shell sees 128 + the signal), and a reader that goes away (<c>| head -1</c>)
/// kills it with SIGPIPE (exit status 141), where .NET would ignore SIGPIPE and go on.
/// </summary>
public sealed class SignalTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("SIGINT", "-L")]
    [InlineData("SIGTERM", "-L")]
    [InlineData("SIGINT", "-D -p udp")]
    [InlineData("SIGTERM", "-D -p udp")]
    public async Task ASignalMidOutputKillsItLikeConntrack(string signal, string commandLine)
    {
        var results = new List<CommandResult>();
        foreach (var program in new[] { "conntrack", "netct" })
        {
            await ReliabilityTable.LoadAsync(fixture);
            results.Add(await fixture.ShellCheckedAsync($"python3 /opt/netct-setup/signal-exit.py {signal} {program} {commandLine}"));
        }

        int number = signal == "SIGINT" ? 2 : 15;
        Assert.Equal($"signal {number}\n", results[0].Stdout);
        Assert.Equal(results[0].Stdout, results[1].Stdout);
    }

    [Theory]
    [InlineData("-L")]
    [InlineData("-L -o xml")]
    [InlineData("-D -p udp")]
    public async Task AReaderThatGoesAwayEndsItWithSigpipe(string commandLine)
    {
        foreach (var program in new[] { "conntrack", "netct" })
        {
            await ReliabilityTable.LoadAsync(fixture);
            var result = await fixture.ExecCheckedAsync("bash", "-c", $"{program} {commandLine} | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}");
            Assert.True(result.Stdout == "141\n", $"{program} {commandLine} | head -1: {result}");
        }
    }
}
