using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// Where conntrack 1.4.8's write commands are wrong and netct deliberately is not. Each test shows the
/// reference's wrong result, then checks netct's against what the table holds afterwards, read with
/// the reference's own listing.
/// </summary>
public sealed class WritePathDeliberateDifferenceTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string File = "/tmp/netct-write-file.txt";

    // The same tuple in zone 0 (mark 1) and zone 5 (mark 2).
    private const string TwoZones =
        "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 1; " +
        "conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 2 -w 5";

    [Fact]
    public async Task UpdateReachesEntriesInOtherZones()
    {
        // conntrack refuses -w with -U, and without it sends no zone: the kernel looks the zone-5
        // entry up in zone 0 and changes that one (twice) instead.
        await fixture.ShellCheckedAsync(TwoZones);
        var refused = await fixture.ConntrackAsync("-U", "-w", "5", "-m", "7");
        Assert.Equal(2, refused.ExitCode);
        var reference = await fixture.ConntrackAsync("-U", "-s", "192.0.2.1", "-m", "7");
        Assert.EndsWith("2 flow entries have been updated.\n", reference.Stderr);
        Assert.Equal(["mark=2 zone=5", "mark=7"], await MarksAndZonesAsync());

        await fixture.ShellCheckedAsync(TwoZones);
        var netct = await fixture.NetctAsync("-U", "-s", "192.0.2.1", "-m", "7");
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal(["mark=7", "mark=7 zone=5"], await MarksAndZonesAsync());

        await fixture.ShellCheckedAsync(TwoZones);
        netct = await fixture.NetctAsync("-U", "-w", "5", "-m", "7");
        Assert.EndsWith("1 flow entries have been updated.\n", netct.Stderr);
        Assert.Contains("zone=5", netct.Stdout);
        Assert.Equal(["mark=1", "mark=7 zone=5"], await MarksAndZonesAsync());
    }

    [Fact]
    public async Task UpdateWithANatAddressOnlySelects()
    {
        // conntrack also sends the NAT address, which the kernel refuses for an existing entry.
        const string Prepare =
            "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 300 --src-nat 198.51.100.1; " +
            "conntrack -I -s 192.0.2.3 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 300 --src-nat 198.51.100.3";
        await fixture.ShellCheckedAsync(Prepare);
        var reference = await fixture.ConntrackAsync("-U", "-n", "198.51.100.1", "-m", "7");
        Assert.Equal(1, reference.ExitCode);
        Assert.EndsWith("Operation failed: Operation not supported\n", reference.Stderr);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-U", "-n", "198.51.100.1", "-m", "7");
        Assert.EndsWith("1 flow entries have been updated.\n", netct.Stderr);
        var table = await fixture.ConntrackAsync("-L", "-m", "7");
        Assert.Contains("src=192.0.2.1 ", table.Stdout);
        Assert.DoesNotContain("src=192.0.2.3 ", table.Stdout);
    }

    [Fact]
    public async Task FlushOfOneFamilyKeepsTheOther()
    {
        // conntrack sends the family with nfgenmsg version 0, which the kernel takes as a full flush.
        const string Prepare =
            "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300; " +
            "conntrack -I -s 2001:db8::1 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 300";
        await fixture.ShellCheckedAsync(Prepare);
        await fixture.ConntrackAsync("-F", "-f", "ipv6");
        Assert.Equal("0\n", (await fixture.ConntrackAsync("-C")).Stdout);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-F", "-f", "ipv6");
        Assert.Equal(0, netct.ExitCode);
        Assert.EndsWith("connection tracking table has been emptied.\n", netct.Stderr);
        var table = await fixture.ConntrackAsync("-L", "-o", "extended");
        Assert.StartsWith("ipv4 ", table.Stdout);
        Assert.Single(table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task IcmpTypeBeforeTheAddresses()
    {
        // conntrack answers the type before it knows the family: the reply gets type 255, EINVAL.
        string[] create = ["-I", "-p", "icmp", "--icmp-type", "13", "--icmp-code", "0", "--icmp-id", "8", "-s", "192.0.2.1", "-d", "192.0.2.2", "-t", "300"];
        await fixture.ShellCheckedAsync("conntrack -F");
        var reference = await fixture.ConntrackAsync(create);
        Assert.EndsWith("Operation failed: invalid parameters\n", reference.Stderr);

        var netct = await fixture.NetctAsync(create);
        Assert.Equal(0, netct.ExitCode);
        var table = await fixture.ConntrackAsync("-L");
        Assert.Contains("src=192.0.2.1 dst=192.0.2.2 type=13 code=0 id=8 [UNREPLIED] src=192.0.2.2 dst=192.0.2.1 type=14 code=0 id=8", table.Stdout);
    }

    [Fact]
    public async Task DeleteByAnIpv6NatAddress()
    {
        // conntrack compares only IPv4 NAT addresses: with an IPv6 one it deletes every NATed IPv6 entry.
        const string Prepare =
            "conntrack -F; conntrack -I -s 2001:db8::1 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 300 --dst-nat 2001:db8::99; " +
            "conntrack -I -s 2001:db8::3 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 300 --dst-nat 2001:db8::98";
        await fixture.ShellCheckedAsync(Prepare);
        var reference = await fixture.ConntrackAsync("-D", "-g", "2001:db8::99");
        Assert.EndsWith("2 flow entries have been deleted.\n", reference.Stderr);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-D", "-g", "2001:db8::99");
        Assert.EndsWith("1 flow entries have been deleted.\n", netct.Stderr);
        Assert.Contains("src=2001:db8::99 ", netct.Stdout);
        var table = await fixture.ConntrackAsync("-L");
        Assert.Contains("src=2001:db8::98 ", table.Stdout);
    }

    [Fact]
    public async Task DeleteByStatusBitsSetAndClear()
    {
        // conntrack compares only the bits to be set (nfct_cmp): it deletes entries with SEEN_REPLY too.
        const string Prepare =
            "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -u ASSURED; " +
            "conntrack -I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -u ASSURED,SEEN_REPLY";
        await fixture.ShellCheckedAsync(Prepare);
        var reference = await fixture.ConntrackAsync("-D", "-u", "ASSURED,!SEEN_REPLY");
        Assert.EndsWith("2 flow entries have been deleted.\n", reference.Stderr);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-D", "-u", "ASSURED,!SEEN_REPLY");
        Assert.EndsWith("1 flow entries have been deleted.\n", netct.Stderr);
        Assert.Contains("src=192.0.2.3 ", (await fixture.ConntrackAsync("-L")).Stdout);
    }

    [Fact]
    public async Task LoadFileUpdatesWithEachLinesMark()
    {
        // conntrack takes the mark of every -U in a file from the file's last line.
        await fixture.WriteFileAsync(File, "-U -s 192.0.2.1 -m 3\n-I -s 192.0.2.9 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 9\n");
        const string Prepare = "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300";
        await fixture.ShellCheckedAsync(Prepare);
        await fixture.ConntrackAsync("-R", File);
        Assert.Contains("mark=9", (await fixture.ConntrackAsync("-L", "-s", "192.0.2.1")).Stdout);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-R", File);
        Assert.Equal(0, netct.ExitCode);
        Assert.Contains("mark=3", (await fixture.ConntrackAsync("-L", "-s", "192.0.2.1")).Stdout);
    }

    [Fact]
    public async Task LoadFileUpdatesAndPrintsWhenTheLastLineHasNoMark()
    {
        // The file's last line sets no mark, so conntrack's -U "sets" the entry's own mark: it changes
        // nothing and prints nothing. netct updates the entry and prints it, as -U alone does.
        await fixture.WriteFileAsync(File, "-U -s 192.0.2.1 -m 3\n-D -s 192.0.2.99\n");
        const string Prepare = "conntrack -F; conntrack -I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 1";
        await fixture.ShellCheckedAsync(Prepare);
        var reference = await fixture.ConntrackAsync("-R", File);
        Assert.Equal(0, reference.ExitCode);
        Assert.Equal("", reference.Stdout);
        Assert.Contains("mark=1 ", (await fixture.ConntrackAsync("-L", "-s", "192.0.2.1")).Stdout);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-R", File);
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal("", netct.Stderr);
        Assert.Matches(@"^udp +17 \d+ src=192\.0\.2\.1 dst=192\.0\.2\.2 sport=1 dport=2 \[UNREPLIED\] .* mark=3 use=\d+\n$", netct.Stdout);
        Assert.Contains("mark=3 ", (await fixture.ConntrackAsync("-L", "-s", "192.0.2.1")).Stdout);
    }

    [Fact]
    public async Task LoadFileSaysWhichLinesWereAppliedAfterARefusal()
    {
        // The lines sent in the same datagram as the refused one are applied by the kernel: netct says
        // which. conntrack sends one line at a time and stops at the refusal.
        await fixture.WriteFileAsync(File,
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n" +
            "-I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n" +
            "# the rest\n" +
            "-I -s 192.0.2.5 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n" +
            "-I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n" +
            "-I -s 192.0.2.7 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n");
        const string Prepare = "conntrack -F; conntrack -I -s 192.0.2.3 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300";
        await fixture.ShellCheckedAsync(Prepare);
        var reference = await fixture.ConntrackAsync("-R", File);
        Assert.EndsWith("Operation failed: Such conntrack exists, try -U to update\n", reference.Stderr);
        Assert.Equal("2\n", (await fixture.ConntrackAsync("-C")).Stdout);

        await fixture.ShellCheckedAsync(Prepare);
        var netct = await fixture.NetctAsync("-R", File);
        Assert.Equal(1, netct.ExitCode);
        Assert.EndsWith(
            "Operation failed: Such conntrack exists, try -U to update (line 2; 1 line applied before it, and lines 4,6 after it, sent along with it)\n",
            netct.Stderr);
        var table = await fixture.ConntrackAsync("-L");
        Assert.Contains("src=192.0.2.5 ", table.Stdout);
        Assert.Contains("src=192.0.2.7 ", table.Stdout);
        Assert.Equal("4\n", (await fixture.ConntrackAsync("-C")).Stdout);
    }

    // "mark=N[ zone=Z]" of every entry, sorted.
    private async Task<string[]> MarksAndZonesAsync()
    {
        var table = await fixture.ConntrackAsync("-L");
        return [.. table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[line.IndexOf(" mark=", StringComparison.Ordinal)..line.IndexOf(" use=", StringComparison.Ordinal)].Trim())
            .Order(StringComparer.Ordinal)];
    }
}
