using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// -R: what <c>-L -o save</c> wrote loads back (as it is, and rewritten with sed), lines of every
/// write command run in order, and bad files are refused before anything runs.
/// </summary>
public sealed class LoadFileTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string Saved = "/tmp/netct-write-saved.txt";

    // The table, saved with the reference and emptied: what each program then loads.
    private const string SaveAndEmpty = WriteTable.Load + "; conntrack -L -o save >" + Saved + "; conntrack -F";

    private const string Mixed = "/tmp/netct-write-mixed.txt";

    // conntrack runs every -U of a file with the mark of the file's last line: it is a -U with the same.
    private const string MixedLast = "-U -p udp -m 5\n";

    private const string MixedLines =
        "# created, changed, deleted\n" +
        "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 1\n" +
        "-I -s 192.0.2.3 -d 192.0.2.4 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 300\n" +
        "\n" +
        "-U -s 192.0.2.1 -m 5\n" +
        "   -D -s 192.0.2.3\n" +
        "-D -s 192.0.2.99\n" +
        "-A -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 200 -u ASSURED\n" +
        "-I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 3 -t 300 -w 4\n";

    [Theory]
    [InlineData("")]
    [InlineData("sed -i 's/^-A /-I /' " + Saved)]
    [InlineData("sed -i 's/ -w 5 / -w 6 /' " + Saved)]
    [InlineData("sed -i '/ -w \\|-zone /!s/^-A /-A -w 9 /' " + Saved)]
    [InlineData("sed -i 's/^-A /-I /; s/ -t [0-9]* / -t 77 /' " + Saved)]
    public async Task LoadsWhatSaveWrote(string rewrite)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, SaveAndEmpty + "; " + rewrite, ["-R", Saved]);
    }

    [Fact]
    public async Task SavedLinesTurnedIntoDeletesAreRefusedWhereTheyHaveCreateOnlyOptions()
    {
        // The SCTP entry's line keeps --orig-vtag, which -D does not take.
        await WriteTable.InstallAsync(fixture);
        string rewrite = "sed -i 's/^-A /-D /; s/ -t [0-9]* / /; s/ -u [A-Z_,]* / /' " + Saved + "; conntrack -R " + WriteTable.File;
        var comparison = await CompareAsync(fixture, SaveAndEmpty + "; " + rewrite, ["-R", Saved]);
        AssertBadLinesNamed(comparison, Saved);
    }

    [Fact]
    public async Task LoadsFromStandardInput()
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, SaveAndEmpty, ["-R", "-"], stdin: Saved);
        await AssertSameAsync(fixture, SaveAndEmpty, ["--load-file", "-"], stdin: Saved);
    }

    [Fact]
    public async Task RunsEveryWriteCommandInOrder()
    {
        await fixture.WriteFileAsync(Mixed, MixedLines + MixedLast);
        await AssertSameAsync(fixture, WriteTable.Empty, ["-R", Mixed]);
        // The output flags of all lines apply to every line.
        await fixture.WriteFileAsync(Mixed, MixedLines + "-D -s 192.0.2.50 -o xml\n" + MixedLast);
        await AssertSameAsync(fixture, WriteTable.Empty, ["-R", Mixed]);
        await fixture.WriteFileAsync(Mixed, MixedLines + "-D -o save\n-F\n" + MixedLines + MixedLast);
        await AssertSameAsync(fixture, WriteTable.Empty, ["-R", Mixed]);
    }

    [Theory]
    // A bad line anywhere stops the file before anything runs; netct adds the line's number.
    [InlineData("-F\n-D -s 192.0.2.1\n-I -s 192.0.2.1 -p udp -t 1\n", 3)]
    [InlineData("-F\n-X\n", 2)]
    [InlineData("-F\n-L\n", 2)]
    [InlineData("-D\n-C\n", 2)]
    [InlineData("-F\n-I expect -s 1.1.1.1\n", 2)]
    public async Task RefusesABadFileLikeConntrackAndNamesTheBadLine(string content, int line)
    {
        await WriteTable.InstallAsync(fixture);
        await fixture.WriteFileAsync(Mixed, content);
        var comparison = await CompareAsync(fixture, WriteTable.Load, ["-R", Mixed]);

        string[] netct = AssertBadLinesNamed(comparison, Mixed);
        Assert.Equal($"{Mixed}:{line}: {netct[0]}", Assert.Single(netct[1..^2]));
    }

    /// <summary>
    /// Same exit code (2) and output as conntrack; netct's stderr is conntrack's message, one
    /// "FILE:LINE: message" line per bad line (conntrack's among them), then conntrack's "Try" line.
    /// </summary>
    /// <returns>netct's stderr lines, normalized.</returns>
    private static string[] AssertBadLinesNamed(Comparison comparison, string file)
    {
        Assert.Equal(2, comparison.Reference.ExitCode);
        Assert.Equal(comparison.Reference.ExitCode, comparison.Netct.ExitCode);
        Assert.Equal(OutputMasking.MaskStdout(comparison.Reference.Stdout), OutputMasking.MaskStdout(comparison.Netct.Stdout));
        string[] reference = OutputMasking.NormalizeStderr(comparison.Reference.Stderr).Split('\n');
        string[] netct = OutputMasking.NormalizeStderr(comparison.Netct.Stderr).Split('\n');
        Assert.Equal(reference[0], netct[0]);
        Assert.Equal(reference[1..], netct[^2..]);
        Assert.NotEmpty(netct[1..^2]);
        Assert.All(netct[1..^2], line => Assert.StartsWith(file + ":", line, StringComparison.Ordinal));
        Assert.Contains(netct[1..^2], line => line.EndsWith(": " + reference[0], StringComparison.Ordinal));
        return netct;
    }

    [Theory]
    // Nothing to run, or nothing matched: no error inside -R.
    [InlineData("", "")]
    [InlineData("# nothing\n\n   \n", "")]
    [InlineData("-D -s 192.0.2.99\n-U -s 192.0.2.99 -m 1\n", "")]
    [InlineData("-D -s 192.0.2.1", "-D -s 192.0.2.1 without a newline")]
    [InlineData("-D -s \"192.0.2.1\n", "an unterminated quote is accepted")]
    public async Task RunsTheFileLikeConntrack(string content, string _)
    {
        await WriteTable.InstallAsync(fixture);
        await fixture.WriteFileAsync(Mixed, content);
        await AssertSameAsync(fixture, WriteTable.Load, ["-R", Mixed]);
    }

    [Theory]
    // Each command kind inside a file, alone and with others: -I and -A print nothing, -U prints the
    // entries it changed, -D the entries it deleted, -F its line on stderr; no summary lines. (A -U
    // that sets a mark is written with the file's last line's mark: see LoadFileUpdatesWithEachLinesMark.)
    [InlineData("-I -s 192.0.2.99 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n")]
    [InlineData("-A -s 192.0.2.99 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300 -m 3\n")]
    [InlineData("-A -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 100 -m 9\n")]
    [InlineData("-U -s 192.0.2.1 -t 100\n")]
    [InlineData("-U -p udp -u ASSURED\n")]
    [InlineData("-U -s 192.0.2.1 -m 5\n")]
    [InlineData("-U -s 192.0.2.1 -m 5/0xf\n-U -p udp -m 5/0xf\n")]
    [InlineData("-U -s 192.0.2.1 -m 7\n")]
    [InlineData("-U -s 192.0.2.99 -m 5\n")]
    [InlineData("-U -s 192.0.2.1 -t 100\n-D -s 192.0.2.99\n")]
    [InlineData("-U -s 192.0.2.1 -u SEEN_REPLY\n-F\n")]
    [InlineData("-D -s 192.0.2.1\n")]
    [InlineData("-D -s 192.0.2.99\n")]
    [InlineData("-D -p udp\n-D -p udp\n")]
    [InlineData("-D\n")]
    [InlineData("-F\n")]
    [InlineData("-F\n-F\n-D\n")]
    [InlineData("-U -p tcp -t 100 -o xml\n-D -p udp\n")]
    [InlineData("-U -p tcp -t 100\n-D -p udp -o save\n")]
    [InlineData("-D -p icmp\n-U -p udp -t 10\n")]
    [InlineData("-U -p tcp -t 100 -o extended\n-I -s 192.0.2.99 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 300\n-D -s 192.0.2.99 -o extended\n")]
    public async Task PrintsForEachCommandKindWhatConntrackPrints(string content)
    {
        await WriteTable.InstallAsync(fixture);
        await fixture.WriteFileAsync(Mixed, content);
        await AssertSameAsync(fixture, WriteTable.LoadZoneZero, ["-R", Mixed]);
    }

    [Theory]
    // The kernel refuses the last line: conntrack's message, then which line and what was applied.
    [InlineData("-I -s 192.0.2.40 -d 192.0.2.41 -p udp --sport 1 --dport 2 -t 30\n-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 30\n",
        " (line 2; 1 line applied before it, none after it)")]
    [InlineData("# first\n-D -s 198.51.100.1\n\n-U -p tcp -u EXPECTED\n", " (line 4; 1 line applied before it, none after it)")]
    [InlineData("-A -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 30 --dst-nat 198.51.100.1\n",
        " (line 1; 0 lines applied before it, none after it)")]
    public async Task ARefusalSaysWhichLineFailed(string content, string where)
    {
        await WriteTable.InstallAsync(fixture);
        await fixture.WriteFileAsync(Mixed, content);
        var comparison = await CompareAsync(fixture, WriteTable.LoadZoneZero, ["-R", Mixed]);

        Assert.Equal(1, comparison.Reference.ExitCode);
        Assert.Equal(comparison.Reference.ExitCode, comparison.Netct.ExitCode);
        Assert.Equal(OutputMasking.MaskStdout(comparison.Reference.Stdout), OutputMasking.MaskStdout(comparison.Netct.Stdout));
        Assert.Equal(
            OutputMasking.NormalizeStderr(comparison.Reference.Stderr).TrimEnd('\n') + where + "\n",
            OutputMasking.NormalizeStderr(comparison.Netct.Stderr));
    }
}
