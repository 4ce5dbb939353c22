using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Expectations;

/// <summary>
/// Every command on the expectation table against conntrack 1.4.8, on expectations the kernel's ftp
/// and tftp helpers created from real loopback traffic (see <see cref="HelperTraffic"/>) and ones
/// created with <c>-I expect</c> on the tftp master.
/// </summary>
public sealed class ExpectationTableTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private static readonly string[] ListExpectations = ["-L", "expect"];

    [Fact]
    public async Task ListGetCountAndStatisticsOfRealExpectations()
    {
        await HelperTraffic.RecreateAsync(fixture);

        var comparisons = await fixture.AssertAllSameAsync(
        [
            ListExpectations, ["-L", "expect", "-o", "xml"], ["-L", "expect", "-o", "timestamp"], ["-L", "expect", "-o", "extended,id"],
            ["-L", "expect", "-o", "save"], ["-L", "expect", "-f", "ipv6"], ["-L", "expect", "-f", "ipv4", "-o", "xml"],
            ["-C", "expect"], ["-C", "expect", "-f", "ipv6"], ["-S", "expect"], ["-S"], ["-C"],
            HelperTraffic.ByExpectedTuple("-G", "tcp", "127.0.0.1", "127.0.0.1", 0, HelperTraffic.FtpDataPort),
            HelperTraffic.ByExpectedTuple("-G", "tcp", "127.0.0.1", "127.0.0.1", 1234, HelperTraffic.FtpDataPort),
            HelperTraffic.ByExpectedTuple("-G", "udp", "127.0.0.1", "127.0.0.1", 0, HelperTraffic.TftpClientPort),
            HelperTraffic.ByExpectedTuple("-G", "tcp", "127.0.0.1", "127.0.0.1", 0, HelperTraffic.FtpDataPort + 1),
            HelperTraffic.ByExpectedTuple("-D", "udp", "198.51.100.9", "127.0.0.1", 0, 9),
            ["-L", "expect", "-f", "ipv6", "-o", "xml"],
            HelperTraffic.ByExpectedTuple("-G", "udp", "::1", "::1", 0, HelperTraffic.TftpClientPort),
        ]);

        string listing = comparisons[0].Netct.Stdout;
        Assert.Contains($"sport=0 dport={HelperTraffic.FtpDataPort} mask-src=255.255.255.255", listing);
        Assert.Contains("class=0 helper=ftp\n", listing);
        Assert.Contains("class=0 helper=tftp\n", listing);
        Assert.Equal("2\n", comparisons[7].Netct.Stdout);
        Assert.Contains("master-src=::1 master-dst=::1 sport=40069 dport=69 class=0 helper=tftp", comparisons[5].Netct.Stdout);
        Assert.DoesNotContain("::1", listing);
    }

    [Fact]
    public async Task CreateOnAHelpedMasterAsConntrackDoes()
    {
        await HelperTraffic.RecreateAsync(fixture);
        string[] create = HelperTraffic.CreateOnTftpMaster(5002);

        var created = await fixture.AssertSameAsync(create, () => fixture.ShellCheckedAsync("conntrack -F expect"), ListExpectations);
        Assert.Contains("proto=17 src=192.0.2.2 dst=198.51.100.1 sport=7 dport=5002 mask-src=255.255.255.0 mask-dst=255.255.255.255", created.Netct.Stdout);

        // Already there (File exists), and a master that does not exist (master conntrack not found).
        await fixture.AssertSameAsync(create);
        await fixture.AssertSameAsync(HelperTraffic.CreateOnTftpMaster(5003, masterDestination: "127.0.0.9"));

        // A master without helper: the kernel refuses (Operation not supported).
        await fixture.CreateAsync("-p", "udp", "-s", "127.0.0.1", "-d", "127.0.0.2", "--sport", $"{HelperTraffic.TftpClientPort}", "--dport", "69", "-t", "100");
        await fixture.AssertSameAsync(HelperTraffic.CreateOnTftpMaster(5004, masterDestination: "127.0.0.2"));

        // IPv6: the expectation of the [::1] tftp master, listed with -f ipv6.
        string[] createIpv6 = HelperTraffic.CreateOnTftpMaster(5002, "::1", "::1", "2001:db8::1", "2001:db8::2", "ffff:ffff::");
        var createdIpv6 = await fixture.AssertSameAsync(createIpv6, () => fixture.ShellCheckedAsync("conntrack -F expect"), ["-L", "expect", "-f", "ipv6"]);
        Assert.Contains("src=2001:db8::1 dst=2001:db8::2 sport=7 dport=5002 mask-src=ffff:ffff:: mask-dst=ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", createdIpv6.Netct.Stdout);
    }

    [Fact]
    public async Task FlushEmptiesTheTable()
    {
        await HelperTraffic.RecreateAsync(fixture);

        var flushed = await fixture.AssertSameAsync(
            ["-F", "expect"], () => fixture.ExecCheckedAsync(["conntrack", .. HelperTraffic.CreateOnTftpMaster(5005)]), ListExpectations);

        Assert.Equal("--- after ---\n", flushed.Netct.Stdout[flushed.Netct.Stdout.IndexOf("--- after ---", StringComparison.Ordinal)..]);
    }

    // conntrack 1.4.8 reports a successful -D expect as "0 expectations have been shown." and exits 1.
    [Fact]
    public async Task DeleteSucceedsWhereConntrackReportsFailure()
    {
        await HelperTraffic.RecreateAsync(fixture);
        string[] delete = HelperTraffic.ByExpectedTuple("-D", "tcp", "127.0.0.1", "127.0.0.1", 0, HelperTraffic.FtpDataPort);
        string[] get = HelperTraffic.ByExpectedTuple("-G", "tcp", "127.0.0.1", "127.0.0.1", 0, HelperTraffic.FtpDataPort);

        var reference = await fixture.ConntrackAsync(delete);
        Assert.Equal(1, reference.ExitCode);
        Assert.Equal("0 expectations have been shown.\n", OutputMasking.NormalizeStderr(reference.Stderr));
        Assert.Equal(1, (await fixture.ConntrackAsync(get)).ExitCode);

        await HelperTraffic.RecreateAsync(fixture);
        var netct = await fixture.NetctAsync(delete);
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal("", netct.Stdout);
        Assert.Equal("1 expectations have been deleted.\n", OutputMasking.NormalizeStderr(netct.Stderr));
        Assert.Equal(1, (await fixture.ConntrackAsync(get)).ExitCode);
        Assert.Contains("helper=tftp", (await fixture.ConntrackAsync(ListExpectations)).Stdout);

        // Deleting it again: both report the kernel's ENOENT.
        await fixture.AssertSameAsync(delete);
    }

    // conntrack 1.4.8 stores the high byte of --tuple-port-dst as the protocol of a tcp expectation
    // (5000 = 0x1388: protocol 19, no ports); netct creates what was asked.
    [Fact]
    public async Task CreateOfATcpExpectationKeepsItsPorts()
    {
        await HelperTraffic.RecreateAsync(fixture);
        string masterPort = (await fixture.ShellCheckedAsync("conntrack -L -p tcp --dport 2121 2>/dev/null | sed -n 's/.*sport=\\([0-9]*\\) dport=2121 .*/\\1/p'")).Stdout.Trim();
        string[] create =
        [
            "-I", "expect", "-s", "127.0.0.1", "-d", "127.0.0.1", "-p", "tcp", "--sport", masterPort, "--dport", "2121",
            "--tuple-src", "192.0.2.1", "--tuple-dst", "198.51.100.1", "--mask-src", "255.255.255.255", "--mask-dst", "255.255.255.255",
            "--tuple-port-src", "0", "--tuple-port-dst", "5000", "--mask-port-src", "0", "--mask-port-dst", "65535", "-t", "200",
        ];

        var comparison = await fixture.CompareAsync(create, () => fixture.ShellCheckedAsync("conntrack -F expect"), ListExpectations);

        Assert.Contains("proto=19 src=192.0.2.1 dst=198.51.100.1 mask-src=", comparison.Reference.Stdout);
        Assert.Contains("proto=6 src=192.0.2.1 dst=198.51.100.1 sport=0 dport=5000 mask-src=", comparison.Netct.Stdout);
        Assert.Equal(comparison.Reference.ExitCode, comparison.Netct.ExitCode);
        Assert.Equal(OutputMasking.NormalizeStderr(comparison.Reference.Stderr), OutputMasking.NormalizeStderr(comparison.Netct.Stderr));
    }

    // Without CAP_NET_ADMIN conntrack prints what /proc has (-C, -S, -S expect) or its count so far
    // (-C expect), then the kernel's refusal, and exits 1; -F expect claims success before the error.
    [Theory]
    [InlineData("-C")]
    [InlineData("-S")]
    [InlineData("-C expect")]
    [InlineData("-S expect")]
    [InlineData("-L expect")]
    [InlineData("-F expect")]
    [InlineData("-G expect -s 127.0.0.1 -d 127.0.0.1 -p udp --sport 0 --dport 40069 --reply-port-src 1 --reply-port-dst 2")]
    public async Task WithoutPrivilegesAsConntrack(string arguments)
    {
        var reference = await fixture.ShellAsync($"{HelperTraffic.Unprivileged} conntrack {arguments}");
        var netct = await fixture.ShellAsync($"{HelperTraffic.Unprivileged} netct {arguments}");

        ContainerFixture.AssertSame(new Comparison(arguments.Split(' '), reference, netct));
        Assert.Equal(1, netct.ExitCode);
        Assert.Contains("sorry, you must be root or get CAP_NET_ADMIN capability to do this", netct.Stderr);
    }
}
