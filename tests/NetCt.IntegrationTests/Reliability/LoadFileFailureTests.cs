using System.Text;
using System.Text.RegularExpressions;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>
/// Large -R files against the kernel: a refusal deep inside a pipelined run names its line and
/// exactly the lines applied (checked against the table), and a file with bad lines applies nothing
/// and reports every one of them after conntrack's own message.
/// </summary>
public sealed partial class LoadFileFailureTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string File = "/tmp/netct-reliability-rules.txt";
    private const int Lines = 6000;
    private const int Duplicate = 5000;

    private static string Create(int i) =>
        $"-I -p udp -s 192.0.2.{i % 250 + 1} -d 198.51.100.{i / 250 + 1} --sport {i} --dport 53 -t 600";

    private static async Task<int> CountAsync(ContainerFixture fixture) =>
        int.Parse((await fixture.ShellCheckedAsync("conntrack -L 2>/dev/null | wc -l")).Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ARefusalDeepInAPipelinedRunNamesItsLineAndWhatWasApplied()
    {
        var rules = new StringBuilder();
        for (int line = 1; line <= Lines; line++)
            rules.Append(line == Duplicate ? Create(10) : Create(line)).Append('\n');
        await fixture.WriteFileAsync(File, rules.ToString());

        await fixture.ShellAsync("conntrack -F");
        var reference = await fixture.ConntrackAsync("-R", File);
        int referenceApplied = await CountAsync(fixture);
        await fixture.ShellAsync("conntrack -F");
        var netct = await fixture.NetctAsync("-R", File);
        int netctApplied = await CountAsync(fixture);

        Assert.Equal(1, reference.ExitCode);
        Assert.Equal(1, netct.ExitCode);
        Assert.Equal(Duplicate - 1, referenceApplied);
        string conntrackMessage = OutputMasking.NormalizeStderr(reference.Stderr).TrimEnd('\n');
        var match = Refusal().Match(OutputMasking.NormalizeStderr(netct.Stderr));
        Assert.True(match.Success, netct.ToString());
        Assert.Equal(conntrackMessage, match.Groups["message"].Value);
        Assert.Equal(Duplicate, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Duplicate - 1, int.Parse(match.Groups["before"].Value, System.Globalization.CultureInfo.InvariantCulture));
        // The lines sent in the same window were applied by the kernel too, and are named.
        int after = match.Groups["last"].Success
            ? int.Parse(match.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture) - Duplicate
            : 0;
        Assert.Equal(Duplicate - 1 + after, netctApplied);
    }

    [Fact]
    public async Task ALargeFileWithBadLinesAppliesNothingAndNamesEveryBadLine()
    {
        int[] bad = [2, 4321, 9999];
        var rules = new StringBuilder();
        for (int line = 1; line <= 10_000; line++)
        {
            rules.Append(line switch
            {
                2 => "-I -p udp -s 192.0.2.300 -d 198.51.100.1 --sport 1 --dport 53 -t 600",
                4321 => "-A --no-such-option",
                9999 => "-L",
                _ => Create(line),
            }).Append('\n');
        }
        await fixture.WriteFileAsync(File, rules.ToString());

        await fixture.ShellAsync("conntrack -F");
        var comparison = await fixture.CompareAsync("-R", File);

        Assert.Equal(2, comparison.Reference.ExitCode);
        Assert.Equal(2, comparison.Netct.ExitCode);
        Assert.Equal(0, await CountAsync(fixture));
        string[] reference = OutputMasking.NormalizeStderr(comparison.Reference.Stderr).Split('\n');
        string[] netct = OutputMasking.NormalizeStderr(comparison.Netct.Stderr).Split('\n');
        // conntrack's message first (it stops at line 2), then netct's one line per bad line, then the "Try" line.
        Assert.Equal(reference[0], netct[0]);
        Assert.Equal(
            [
                $"{File}:2: Invalid IP address `192.0.2.300'",
                $"{File}:4321: unknown option `--no-such-option'",
                $"{File}:9999: Cannot use command `-L' with --load-file",
            ],
            netct[1..4]);
        Assert.Equal(reference[1], netct[4]);
        Assert.Equal(bad.Length + 3, netct.Length);
    }

    [GeneratedRegex(@"^(?<message>.*) \(line (?<line>\d+); (?<before>\d+) lines applied before it(, none after it|, and lines? (?<first>\d+)(-(?<last>\d+))? after it, sent along with it)\)\n$")]
    private static partial Regex Refusal();
}
