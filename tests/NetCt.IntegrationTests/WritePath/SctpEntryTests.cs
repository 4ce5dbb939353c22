using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// SCTP entries: <c>--orig-vtag</c>/<c>--reply-vtag</c> of -I, -A, -U and -R reach the kernel as
/// conntrack sends them (byte-swapped), and the HEARTBEAT states print as conntrack prints them. The
/// table is inspected with <c>-o save</c>, the one format that prints the tags
/// (<see cref="WriteComparison.ListTable"/> does not).
/// </summary>
public sealed class SctpEntryTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string SaveTable = "conntrack -L -o save";

    private const string File = "/tmp/netct-write-vtags.txt";

    [Theory]
    // On an empty table.
    [InlineData(WriteTable.Empty, "-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 10 --reply-vtag 11 -t 30")]
    [InlineData(WriteTable.Empty, "-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state COOKIE_WAIT --orig-vtag 0x1234 --reply-vtag 4294967295 -t 30")]
    [InlineData(WriteTable.Empty, "-I -s 2001:db8::1 -d 2001:db8::2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag -2 --reply-vtag 16777216 -t 30")]
    [InlineData(WriteTable.Empty, "-A -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 10 --reply-vtag 11 -t 30")]
    // On the table, whose SCTP entry has the tags 17 and 18 (made by conntrack).
    [InlineData(WriteTable.LoadZoneZero, "-A -s 198.51.100.4 -d 203.0.113.4 -p sctp --sport 7 --dport 8 --state SHUTDOWN_SENT --orig-vtag 20 --reply-vtag 21 -t 30")]
    [InlineData(WriteTable.LoadZoneZero, "-U -p sctp --state CLOSED --orig-vtag 1 --reply-vtag 2")]
    [InlineData(WriteTable.LoadZoneZero, "-U -p sctp --state COOKIE_ECHOED --orig-vtag 17 --reply-vtag 300 -o save")]
    public async Task WritesTheSameTags(string prepare, string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, prepare, Words(commandLine), inspect: SaveTable);
    }

    [Fact]
    public async Task LoadsTagsFromAFileAndWhatSaveWrote()
    {
        await fixture.WriteFileAsync(File,
            "-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 10 --reply-vtag 11 -t 30\n" +
            "-A -s 192.0.2.3 -d 192.0.2.4 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 256 --reply-vtag 65536 -t 30\n");
        await AssertSameAsync(fixture, WriteTable.Empty, ["-R", File], inspect: SaveTable);

        // A table saved by the reference loads back with the same tags.
        await WriteTable.InstallAsync(fixture);
        const string Saved = "/tmp/netct-write-vtags-saved.txt";
        await AssertSameAsync(fixture, WriteTable.Load + "; " + SaveTable + " >" + Saved + "; conntrack -F", ["-R", Saved], inspect: SaveTable);
    }

    [Fact]
    public async Task SavedTagsAreTheOnesGiven()
    {
        // Direct check, not only "the same as conntrack": what -I was given is what -o save prints.
        await fixture.ShellCheckedAsync(WriteTable.Empty);
        await fixture.ExecCheckedAsync("netct", "-I", "-s", "192.0.2.1", "-d", "192.0.2.2", "-p", "sctp", "--sport", "1", "--dport", "2",
            "--state", "ESTABLISHED", "--orig-vtag", "10", "--reply-vtag", "11", "-t", "30");
        foreach (var listing in new[] { await fixture.ConntrackAsync("-L", "-o", "save"), await fixture.NetctAsync("-L", "-o", "save") })
        {
            Assert.Contains(" --orig-vtag 10 --reply-vtag 11\n", listing.Stdout);
        }

        // The kernel's own number, which -o json prints, is the byte-swapped one.
        Assert.Contains("\"sctp\":{\"vtag_original\":167772160,\"vtag_reply\":184549376}", (await fixture.NetctAsync("-L", "-o", "json")).Stdout);
    }

    [Fact]
    public async Task HeartbeatSentPrintsAsInConntrack()
    {
        // conntrack cannot make such an entry (it crashes on the state's name); netct can, and the
        // kernel keeps it. conntrack's -o save has no name for the state: "--state (null)".
        await fixture.ShellCheckedAsync(WriteTable.Empty);
        await fixture.ExecCheckedAsync("netct", "-I", "-s", "192.0.2.1", "-d", "192.0.2.2", "-p", "sctp", "--sport", "1", "--dport", "2",
            "--state", "HEARTBEAT_SENT", "--orig-vtag", "5", "--reply-vtag", "6", "-t", "300");
        Assert.Equal(139, (await fixture.ConntrackAsync("-I", "-s", "192.0.2.3", "-d", "192.0.2.4", "-p", "sctp", "--sport", "1", "--dport", "2",
            "--state", "HEARTBEAT_SENT", "--orig-vtag", "5", "--reply-vtag", "6", "-t", "300")).ExitCode);

        var save = await fixture.AssertSameAsync("-L", "-o", "save");
        Assert.EndsWith(" --state (null) --orig-vtag 5 --reply-vtag 6\n", save.Reference.Stdout);
        Assert.Contains(" HEARTBEAT_SENT src=192.0.2.1 ", (await fixture.AssertSameAsync("-L")).Reference.Stdout);
        await fixture.AssertSameAsync("-L", "-o", "xml");
        await fixture.AssertSameAsync("-G", "-s", "192.0.2.1", "-d", "192.0.2.2", "-p", "sctp", "--sport", "1", "--dport", "2", "-o", "save");

        // The saved line does not load back: conntrack crashes on the state, netct names it.
        const string Saved = "/tmp/netct-write-heartbeat.txt";
        await fixture.ShellCheckedAsync("conntrack -L -o save >" + Saved + "; conntrack -F");
        Assert.Equal(139, (await fixture.ConntrackAsync("-R", Saved)).ExitCode);
        var load = await fixture.NetctAsync("-R", Saved);
        Assert.Equal(2, load.ExitCode);
        Assert.Equal(
            "unknown SCTP state `(null)'\n" + Saved + ":1: unknown SCTP state `(null)'\nTry `PROG -h' or 'PROG --help' for more information.\n",
            OutputMasking.NormalizeStderr(load.Stderr));
    }
}
