using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>
/// Only the kernel is believed: while netct is stopped in the middle of a dump, another netlink
/// socket of the namespace sends it (unicast to its port ids) a forged entry, a forged error and a
/// forged NLMSG_DONE under every sequence number it can be using; the output is what conntrack
/// prints without the forgery.
/// </summary>
public sealed class ForgedMessageTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string Forge = "python3 /opt/netct-setup/forge-netlink.py netct ";

    [Theory]
    [InlineData("-L")]
    [InlineData("-L -o extended")]
    [InlineData("-D -p udp")]
    public async Task ForgedMessagesFromAnotherSocketAreIgnored(string commandLine)
    {
        await ReliabilityTable.LoadAsync(fixture);
        var reference = await fixture.ShellAsync("conntrack " + commandLine);
        await ReliabilityTable.LoadAsync(fixture);
        var forged = await fixture.ShellAsync(Forge + commandLine);
        var log = await fixture.ShellCheckedAsync("cat /tmp/forge-netlink.log");

        // The forgery reached netct's sockets, or the test proves nothing.
        Assert.Matches(@"netlink ports \[-?\d+.*\]: [1-9]\d* forged datagrams delivered", log.Stdout);
        Assert.DoesNotContain("203.0.113.99", forged.Stdout, StringComparison.Ordinal);
        ContainerFixture.AssertSame(new Comparison(commandLine.Split(' '), reference, forged));
        Assert.Equal(0, forged.ExitCode);
        Assert.Contains($"{ReliabilityTable.Entries} flow entries have been", forged.Stderr, StringComparison.Ordinal);
    }
}
