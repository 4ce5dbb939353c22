using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>
/// Only the kernel is believed: while netct is stopped in the middle of a dump, another netlink
/// socket of the namespace sends it (unicast to its port ids) a forged entry, a forged error and a
/// forged NLMSG_DONE under every sequence number it can be using; the output is what conntrack
/// prints without the forgery. conntrack 1.4.8 itself takes the forged messages for the kernel's.
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

    [Fact]
    public async Task ConntrackBelievesTheForgeryAndNetctDoesNot()
    {
        // conntrack 1.4.8 prints the forged entry and stops at the forged EPERM error (exit 1).
        await ReliabilityTable.LoadAsync(fixture);
        var conntrack = await fixture.ShellAsync("python3 /opt/netct-setup/forge-netlink.py conntrack -L");
        await ReliabilityTable.LoadAsync(fixture);
        var netct = await fixture.ShellAsync(Forge + "-L");

        Assert.True(
            conntrack.ExitCode == 1 || conntrack.Stdout.Contains("203.0.113.99", StringComparison.Ordinal),
            "conntrack was not fooled: " + conntrack.Stderr);
        Assert.Equal(0, netct.ExitCode);
        Assert.DoesNotContain("203.0.113.99", netct.Stdout, StringComparison.Ordinal);
    }
}
