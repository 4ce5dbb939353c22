using System.Text.RegularExpressions;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// The commands that print something other than entries, or lists that are usually empty: -V, -h
/// (alone and with each protocol's options), -C, -S, and the dying and unconfirmed tables.
/// </summary>
public sealed partial class InformationCommandTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Fact]
    public async Task VersionAndHelp()
    {
        var comparisons = await fixture.AssertAllSameAsync([
            ["-V"], ["--version"], ["-h"], ["--help"], [], ["-h", "extra", "words"],
            ["-h", "-p", "tcp"], ["-h", "-p", "udp"], ["-h", "-p", "udplite"], ["-h", "-p", "icmp"], ["-h", "-p", "icmpv6"],
            ["-h", "-p", "sctp"], ["-h", "-p", "gre"], ["-h", "-p", "dccp"], ["-h", "-p", "200"], ["-h", "-p", "6"],
            ["-h", "-p", "nosuch"],
        ]);
        Assert.StartsWith("netct v", comparisons[0].Netct.Stdout);
        Assert.Contains("\n\nProto `tcp' help:\n  --orig-port-src", comparisons[6].Netct.Stdout);
        // The one line netct adds (masked in the comparison above) ends the usage text, after a protocol's options too.
        Assert.Matches("\n\nnetct's own commands: [a-z, ]+ \\(netct help COMMAND describes one\\)\n$", comparisons[2].Netct.Stdout);
        Assert.Matches("\nProto `tcp' help:\n[^\\x00]*\nnetct's own commands: [a-z, ]+ \\(netct help COMMAND describes one\\)\n$", comparisons[6].Netct.Stdout);
    }

    [Fact]
    public async Task OnATerminalNothingComesBeforeTheOutput()
    {
        // script(1) gives the program a terminal for stdin, stdout and stderr. With TERM set, .NET's
        // console set-up would write terminfo's keypad escape sequence first; conntrack writes only its lines.
        await SampleTable.EnsureLoadedAsync(fixture);
        foreach (string arguments in new[] { "-C", "-L -p tcp", "-X" })
        {
            var reference = await fixture.ShellAsync($"TERM=xterm script -qec 'conntrack {arguments}' /dev/null");
            var netct = await fixture.ShellAsync($"TERM=xterm script -qec 'netct {arguments}' /dev/null");
            Assert.Equal(reference.ExitCode, netct.ExitCode);
            Assert.DoesNotContain('\u001b', reference.Stdout);
            Assert.DoesNotContain('\u001b', netct.Stdout);
            Assert.Equal(reference.Stdout.Split('\n').Length, netct.Stdout.Split('\n').Length);
        }
    }

    [Fact]
    public async Task OutputSharedWithOtherWritersOfTheSameFileIsKept()
    {
        // One open file behind stdout (then stderr), written by the shell before, between and after
        // two runs: each write must land after the last, as with conntrack's write(2), never over it.
        // (Not both streams into one file: where conntrack's stderr lines fall among its stdout lines
        // there depends on the size of stdio's buffer.)
        await SampleTable.EnsureLoadedAsync(fixture);
        foreach (string arguments in new[] { "-C", "-L -p udp", "-C nosuch", "-L -o xml -p tcp" })
        {
            foreach (var (redirection, echo) in new[] { (">$f 2>/dev/null", "echo"), ("2>$f >/dev/null", ">&2 echo") })
            {
                string Script(string program) =>
                    $"f=$(mktemp); {{ {echo} before; {program} {arguments}; {echo} between; {program} {arguments}; {echo} after; }} {redirection}; cat $f; rm -f $f";
                var reference = await fixture.ShellAsync(Script("conntrack"));
                var netct = await fixture.ShellAsync(Script("netct"));
                Assert.True(netct.Stdout.StartsWith("before\n", StringComparison.Ordinal), $"{redirection}: {netct}");
                Assert.EndsWith("after\n", netct.Stdout);
                // Timeouts masked, and both programs' message prefixes taken off, as for stderr.
                Assert.Equal(
                    OutputMasking.NormalizeStderr(OutputMasking.MaskStdout(reference.Stdout)),
                    OutputMasking.NormalizeStderr(OutputMasking.MaskStdout(netct.Stdout)));
            }
        }
    }

    [Fact]
    public async Task OutputThatCannotBeWrittenIsReported()
    {
        // conntrack ignores printf's failure and exits 0; netct says so and exits 1 (a documented difference).
        await SampleTable.EnsureLoadedAsync(fixture);
        foreach (string arguments in new[] { "-C", "-L", "-L -o xml" })
        {
            var reference = await fixture.ShellAsync($"conntrack {arguments} >/dev/full");
            var netct = await fixture.ShellAsync($"netct {arguments} >/dev/full");
            Assert.Equal(0, reference.ExitCode);
            Assert.Equal(1, netct.ExitCode);
            Assert.Equal("write error on standard output: No space left on device\n", OutputMasking.NormalizeStderr(netct.Stderr));
        }
    }

    [Fact]
    public async Task AClosedStandardOutputIsReportedNotFilledWithTheNetlinkSocket()
    {
        // Started with stdout closed, conntrack's netlink socket becomes descriptor 1 and its output
        // is lost without a word; netct keeps the number taken and fails the first write.
        await SampleTable.EnsureLoadedAsync(fixture);
        foreach (string arguments in new[] { "-C", "-L", "-S" })
        {
            var reference = await fixture.ShellAsync($"timeout 2 conntrack {arguments} >&-; echo \"exit $?\"");
            var netct = await fixture.ShellAsync($"timeout 2 netct {arguments} >&- 2>/tmp/closed-stdout.err; echo \"exit $?\"; cat /tmp/closed-stdout.err");
            Assert.DoesNotContain("exit 1\n", reference.Stdout);
            Assert.StartsWith("exit 1\n", netct.Stdout);
            Assert.Contains("write error on standard output: Bad file descriptor\n", OutputMasking.NormalizeStderr(netct.Stdout));
        }
    }

    [Fact]
    public async Task Count()
    {
        await fixture.ResetAsync();
        var empty = await fixture.AssertAllSameAsync([["-C"], ["--counter"], ["-C", "conntrack"]]);
        Assert.Equal("0\n", empty[0].Netct.Stdout);

        await SampleTable.EnsureLoadedAsync(fixture);
        var full = await fixture.AssertAllSameAsync([["-C"], ["-C", "conn"]]);
        Assert.Equal($"{SampleTable.Lines.Count}\n", full[0].Netct.Stdout);
    }

    [Fact]
    public async Task StatisticsHaveTheSameShape()
    {
        // The per-CPU counters move between the two runs; the lines, their order and the counter names may not.
        await SampleTable.EnsureLoadedAsync(fixture);
        foreach (var args in new[] { new[] { "-S" }, ["--stats"], ["-S", "conntrack"] })
        {
            var comparison = await fixture.CompareAsync(args);
            ContainerFixture.AssertSame(comparison with
            {
                Reference = comparison.Reference with { Stdout = CounterValue().Replace(comparison.Reference.Stdout, "=*") },
                Netct = comparison.Netct with { Stdout = CounterValue().Replace(comparison.Netct.Stdout, "=*") },
            });
            Assert.Matches(@"^(cpu=\d+ +\tfound=\d+ invalid=\d+ insert=\d+ .*\n)+$", comparison.Netct.Stdout);
        }
    }

    [Fact]
    public async Task DyingAndUnconfirmedTables()
    {
        // Entries pass through these lists in an instant, so both are empty here; each program still
        // dumps them (without filters) and prints its summary.
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync([
            ["-L", "dying"], ["-L", "dying", "-o", "extended"], ["-L", "dying", "-o", "xml"], ["-L", "dy", "-o", "save"],
            ["-L", "unconfirmed"], ["-L", "unconfirmed", "-o", "xml,id"], ["-L", "unconf", "-o", "extended"],
            ["-L", "dying", "-p", "tcp"], ["-L", "unconfirmed", "-s", "192.0.2.1"],
            // conntrack ignores -z for these lists (there is no zeroing dump of them).
            ["-L", "dying", "-z"], ["-L", "unconfirmed", "-z"],
        ]);
        Assert.All(comparisons, comparison => Assert.Equal(0, comparison.Netct.ExitCode));
    }

    [GeneratedRegex(@"=\d+")]
    private static partial Regex CounterValue();
}
