using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Where conntrack 1.4.8 is wrong and netct deliberately is not (see "Where conntrack is wrong" in the
/// reference notes and the man page). Each test shows the reference's wrong answer, then checks netct's
/// answer against what the table holds, read with the reference's own unfiltered listing.
/// </summary>
public sealed class DeliberateDifferenceTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("ASSURED,!SEEN_REPLY")]
    [InlineData("UNREPLIED,ASSURED")]
    public async Task StatusSetAndClearTogether(string status)
    {
        // conntrack sends the cleared bits alone as the kernel's status mask, so nothing ever matches.
        await SampleTable.EnsureLoadedAsync(fixture);
        var reference = await fixture.ConntrackAsync("-L", "-u", status);
        Assert.Equal(string.Empty, reference.Stdout);

        var table = await fixture.ConntrackAsync("-L");
        var expected = Lines(table.Stdout).Where(line => line.Contains(" [UNREPLIED] ") && line.Contains(" [ASSURED] "));
        var netct = await fixture.NetctAsync("-L", "-u", status);
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal(expected, Lines(netct.Stdout));
        Assert.Equal(2, expected.Count());
    }

    [Fact]
    public async Task StatusGivenTwice()
    {
        // conntrack ORs the words of every -u into the value but keeps the kernel mask of the first
        // one, so "-u ASSURED -u SEEN_REPLY" asks for (status & ASSURED) == ASSURED|SEEN_REPLY and
        // matches nothing. netct reads it as -u ASSURED,SEEN_REPLY.
        await SampleTable.EnsureLoadedAsync(fixture);
        var reference = await fixture.ConntrackAsync("-L", "-u", "ASSURED", "-u", "SEEN_REPLY");
        Assert.Equal(string.Empty, reference.Stdout);

        var expected = await fixture.ConntrackAsync("-L", "-u", "ASSURED,SEEN_REPLY");
        var netct = await fixture.NetctAsync("-L", "-u", "ASSURED", "-u", "SEEN_REPLY");
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal(Lines(expected.Stdout), Lines(netct.Stdout));
        Assert.NotEmpty(Lines(netct.Stdout));
    }

    [Fact]
    public async Task StatusUnset()
    {
        // conntrack sends an empty status mask for UNSET, which the kernel refuses with EINVAL. netct
        // lists the entries that -o save writes with "-u UNSET": none of SEEN_REPLY, ASSURED,
        // FIXED_TIMEOUT and EXPECTED.
        await SampleTable.EnsureLoadedAsync(fixture);
        var reference = await fixture.ConntrackAsync("-L", "-u", "UNSET");
        Assert.Equal(1, reference.ExitCode);
        Assert.EndsWith(": Operation failed: invalid parameters\n", reference.Stderr);

        var table = await fixture.ConntrackAsync("-L", "-o", "save");
        var expected = Lines(table.Stdout).Where(line => line.Contains(" -u UNSET "));
        var netct = await fixture.NetctAsync("-L", "-u", "UNSET", "-o", "save");
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal(expected, Lines(netct.Stdout));
        Assert.True(expected.Count() > 20);
    }

    [Theory]
    // A NAT address that no entry was translated to: conntrack ignores it and lists every entry NATed that way.
    [InlineData("-g 2001:db8::99", "-s 2001:db8::5 -d 2001:db8::7", "")]
    [InlineData("-n 2001:db8::98", "-s 2001:db8::5 -d 2001:db8::6", "")]
    [InlineData("-j 2001:db8::1:80", "-s 2001:db8::5", "")]
    // The right address: conntrack lists every entry NATed either way, netct only the one translated to it.
    [InlineData("-j 2001:db8::98", "-s 2001:db8::5", "-s 2001:db8::5 -d 2001:db8::7")]
    [InlineData("-g 2001:db8::98", "-s 2001:db8::5 -d 2001:db8::7", "-s 2001:db8::5 -d 2001:db8::7")]
    [InlineData("-n 2001:db8::99", "-s 2001:db8::5 -d 2001:db8::6", "-s 2001:db8::5 -d 2001:db8::6")]
    [InlineData("-n [2001:db8::99]:7000", "-s 2001:db8::5 -d 2001:db8::6", "-s 2001:db8::5 -d 2001:db8::6")]
    public async Task Ipv6NatAddresses(string natFilter, string referenceAnswer, string rightAnswer)
    {
        // conntrack compares only IPv4 NAT addresses; with an IPv6 one it checks that the entry is NATed at all.
        await SampleTable.EnsureLoadedAsync(fixture);
        var reference = await fixture.ConntrackAsync(["-L", .. natFilter.Split(' ')]);
        var referenceExpected = await fixture.ConntrackAsync(["-L", .. referenceAnswer.Split(' ')]);
        Assert.Equal(Lines(referenceExpected.Stdout), Lines(reference.Stdout));

        var netct = await fixture.NetctAsync(["-L", .. natFilter.Split(' ')]);
        Assert.Equal(0, netct.ExitCode);
        var expected = rightAnswer.Length == 0 ? [] : Lines((await fixture.ConntrackAsync(["-L", .. rightAnswer.Split(' ')])).Stdout);
        Assert.Equal(expected, Lines(netct.Stdout));
    }

    [Theory]
    // conntrack's port check of -n/-g without an address compares an ICMP entry's id with its type
    // and code: an entry NATed one way also counts as NATed the other way.
    [InlineData("--dst-nat", "-s 192.0.2.1", "-s 192.0.2.3")]
    [InlineData("--src-nat", "-s 192.0.2.3", "-s 192.0.2.1")]
    public async Task NatOfIcmpEntries(string natFilter, string onlyByConntrack, string rightAnswer)
    {
        await fixture.ResetAsync();
        await fixture.LoadAsync(
        [
            "-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7 -t 300 --src-nat 198.51.100.1",
            "-I -s 192.0.2.3 -d 192.0.2.4 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7 -t 300 --dst-nat 203.0.113.5",
            "-I -s 192.0.2.5 -d 192.0.2.6 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7 -t 300",
        ]);
        var reference = await fixture.ConntrackAsync("-L", "-p", "icmp", natFilter);
        var wrongAnswer = await fixture.ConntrackAsync(["-L", .. onlyByConntrack.Split(' ')]);
        var expected = Lines((await fixture.ConntrackAsync(["-L", .. rightAnswer.Split(' ')])).Stdout);
        Assert.Single(expected);
        Assert.Equal(Lines(wrongAnswer.Stdout).Concat(expected).Order(), Lines(reference.Stdout).Order());

        var netct = await fixture.NetctAsync("-L", "-p", "icmp", natFilter);
        Assert.Equal(0, netct.ExitCode);
        Assert.Equal(expected, Lines(netct.Stdout));

        // -D takes the same filter.
        var deleted = await fixture.NetctAsync("-D", "-p", "icmp", natFilter);
        Assert.StartsWith($"icmp     1 {OutputMasking.Mask} src={rightAnswer[3..]} ", Assert.Single(Lines(deleted.Stdout)));
        Assert.Equal("2\n", (await fixture.ConntrackAsync("-C")).Stdout);
    }

    [Fact]
    public async Task UnknownSctpState()
    {
        // conntrack looks the name up in a state table that ends in NULLs and dies of SIGSEGV.
        var comparison = await fixture.CompareAsync("-L", "-p", "sctp", "--state", "BOGUS");
        Assert.Equal(139, comparison.Reference.ExitCode);
        Assert.Equal(2, comparison.Netct.ExitCode);
        Assert.Equal(
            "unknown SCTP state `BOGUS'\nTry `PROG -h' or 'PROG --help' for more information.\n",
            OutputMasking.NormalizeStderr(comparison.Netct.Stderr));
    }

    // Masked lines, so the two reads of a counting-down timeout compare equal.
    private static IEnumerable<string> Lines(string stdout) =>
        OutputMasking.MaskStdout(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
