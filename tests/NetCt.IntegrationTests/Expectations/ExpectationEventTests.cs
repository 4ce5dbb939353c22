using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Expectations;

/// <summary>
/// <c>-E expect</c>: conntrack and netct listen side by side while the ftp and tftp helpers create
/// expectations from real traffic (each replacing the one before: [NEW], [DESTROY], [NEW]) and
/// <c>-F expect</c> destroys the rest; both are stopped with SIGTERM and must have printed the same.
/// </summary>
public sealed class ExpectationEventTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("-o xml")]
    [InlineData("-o timestamp")]
    public async Task BothListenersSeeTheSameEvents(string options)
    {
        await HelperTraffic.PrepareAsync(fixture);
        await fixture.ShellCheckedAsync(
            $"conntrack -E expect {options} >/tmp/ec.out 2>/tmp/ec.err & c=$!; netct -E expect {options} >/tmp/en.out 2>/tmp/en.err & n=$!; " +
            $"sleep 0.5; {HelperTraffic.ExchangeCommand}; conntrack -F expect 2>/dev/null; sleep 0.5; " +
            "kill -TERM $c $n; wait $c; echo $? >/tmp/ec.rc; wait $n; echo $? >/tmp/en.rc");

        var reference = await ReadRunAsync("ec");
        var netct = await ReadRunAsync("en");

        ContainerFixture.AssertSame(new Comparison(["-E", "expect", options], reference, netct));
        Assert.Equal(0, netct.ExitCode);
        Assert.Matches(@"^[1-9][0-9]* expectation events have been shown\.\n$", OutputMasking.NormalizeStderr(netct.Stderr));
        Assert.Contains(options.Contains("xml") ? "<helper-name>ftp<" : "helper=ftp", netct.Stdout);
    }

    // conntrack 1.4.8 cannot join the groups without CAP_NET_ADMIN and says "Can't open handler" (exit 1).
    [Fact]
    public async Task WithoutPrivilegesTheHandlerCannotBeOpened()
    {
        var reference = await fixture.ShellAsync($"{HelperTraffic.Unprivileged} timeout 5 conntrack -E expect");
        var netct = await fixture.ShellAsync($"{HelperTraffic.Unprivileged} timeout 5 netct -E expect");

        ContainerFixture.AssertSame(new Comparison(["-E", "expect"], reference, netct));
        Assert.Equal(1, netct.ExitCode);
        Assert.Equal("Can't open handler\n", OutputMasking.NormalizeStderr(netct.Stderr));
    }

    private async Task<CommandResult> ReadRunAsync(string name)
    {
        var stdout = await fixture.ShellCheckedAsync($"cat /tmp/{name}.out");
        var stderr = await fixture.ShellCheckedAsync($"cat /tmp/{name}.err");
        var exitCode = await fixture.ShellCheckedAsync($"cat /tmp/{name}.rc");
        return new CommandResult(stdout.Stdout, stderr.Stdout, long.Parse(exitCode.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
