using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests;

/// <summary>
/// The harness against the reference conntrack alone: these pass whether or not netct exists, and show
/// that the container, the table helpers, the loopback flows and the masking behave as comparisons assume.
/// </summary>
public sealed class ReferenceHarnessTests(ReferenceContainerFixture fixture) : IClassFixture<ReferenceContainerFixture>
{
    [Fact]
    public async Task ReferenceIsConntrack148()
    {
        var result = await fixture.ConntrackAsync("-V");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("conntrack v1.4.8 (conntrack-tools)\n", result.Stdout);
    }

    [Fact]
    public async Task ContainerHasItsOwnEmptyTable()
    {
        await fixture.ResetAsync();
        var result = await fixture.ConntrackAsync("-L");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("conntrack v1.4.8 (conntrack-tools): 0 flow entries have been shown.\n", result.Stderr);
    }

    [Fact]
    public async Task CreatedAndLoadedEntriesAreListed()
    {
        await fixture.ResetAsync();
        await fixture.CreateAsync(
            "-s", "192.0.2.1", "-d", "192.0.2.2", "-p", "tcp", "--sport", "1000", "--dport", "80",
            "--state", "ESTABLISHED", "-t", "100", "-m", "7");
        await fixture.LoadAsync([
            "# comments and blank lines are ignored by -R",
            "",
            "-I -s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353 -t 50",
            "-I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 7 -t 30 -w 3",
        ]);

        var count = await fixture.ConntrackAsync("-C");
        Assert.Equal("3\n", count.Stdout);
        var tcp = await fixture.ConntrackAsync("-L", "-p", "tcp");
        Assert.Matches(
            @"^tcp      6 (9[0-9]|100) ESTABLISHED src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=1000 dport=80 \[UNREPLIED\] " +
            @"src=192\.0\.2\.2 dst=192\.0\.2\.1 sport=80 dport=1000 mark=7 use=1\n$",
            tcp.Stdout);
    }

    [Fact]
    public async Task MaskingMakesTwoReadsOfACountingDownTableEqual()
    {
        await fixture.ResetAsync();
        await fixture.EnableTimestampsAsync();
        await fixture.CreateAsync("-s", "192.0.2.1", "-d", "192.0.2.2", "-p", "udp", "--sport", "1", "--dport", "2", "-t", "300");

        foreach (var format in new[] { "extended", "xml", "save" })
        {
            var first = await fixture.ConntrackAsync("-L", "-o", format);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            var second = await fixture.ConntrackAsync("-L", "-o", format);
            Assert.NotEqual(first.Stdout, second.Stdout);
            Assert.Equal(OutputMasking.MaskStdout(first.Stdout), OutputMasking.MaskStdout(second.Stdout));
        }

        var comparison = new Comparison(["-L"], await fixture.ConntrackAsync("-L"), await fixture.ConntrackAsync("-L"));
        ContainerFixture.AssertSame(comparison);
    }

    [Fact]
    public async Task LoopbackFlowsAreTrackedWithCounters()
    {
        await fixture.ResetAsync();
        await fixture.EnableAccountingAsync();
        var flows = await fixture.GenerateLoopbackFlowsAsync(tcp: 2, udp: 1, icmp: 2, holdSeconds: 30);
        await fixture.GenerateLoopbackFlowsAsync(tcp: 1, udp: 1, icmp: 1, ipv6: true, tcpPort: 5101, udpPort: 6101);
        Assert.Equal(3, flows.Count);

        var list = await fixture.ConntrackAsync("-L");
        Assert.Equal(0, list.ExitCode);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.StartsWith("tcp ", StringComparison.Ordinal) && l.Contains(" ESTABLISHED src=127.0.0.1 ")));
        Assert.Contains(lines, l => l.StartsWith("tcp ", StringComparison.Ordinal) && l.Contains(" TIME_WAIT src=::1 "));
        Assert.Contains(lines, l => l.StartsWith("udp ", StringComparison.Ordinal) && l.Contains("dport=6001 packets=1 bytes="));
        Assert.Contains(lines, l => l.StartsWith("icmp ", StringComparison.Ordinal) && l.Contains("type=8 code=0"));
        Assert.Contains(lines, l => l.StartsWith("icmpv6 ", StringComparison.Ordinal) && l.Contains("type=128 code=0"));
        Assert.All(lines, l => Assert.Contains(" packets=", l));
    }

    [Fact]
    public async Task BadOptionIsAParameterProblem()
    {
        var result = await fixture.ConntrackAsync("-L", "--no-such-option");
        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("Try `PROG -h' or 'PROG --help' for more information.\n", OutputMasking.NormalizeStderr(result.Stderr));
    }
}
