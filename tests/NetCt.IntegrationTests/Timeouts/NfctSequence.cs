using System.Text;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Timeouts;

/// <summary>
/// A sequence of nfct command lines (plus setup steps) run from a clean state by one of three programs:
/// the reference nfct 1.4.8, netct started as nfct (a symlink named nfct on PATH), or netct's own
/// <c>netct timeout …</c>. The transcript records each line's exit code, stdout and normalized stderr.
/// </summary>
internal static class NfctSequence
{
    /// <summary>A step that is a shell command for setup (a firewall rule, traffic), not compared.</summary>
    public const string Setup = "sh: ";

    private const string LinkDirectory = "/tmp/nfct-link";

    private static readonly HashSet<string> TreeCommands = ["list", "add", "delete", "get", "flush", "default-set", "default-get"];

    public enum Program
    {
        Nfct,
        NetctAsNfct,
        NetctTimeout,
    }

    /// <summary>Whether every nfct line has a <c>netct timeout</c> form (full command word, then <c>timeout</c>).</summary>
    public static bool HasTreeForm(IEnumerable<string> steps) =>
        steps.Where(step => !step.StartsWith(Setup, StringComparison.Ordinal)).Select(Words)
            .All(words => words.Length >= 2 && words[1] == "timeout" && TreeCommands.Contains(words[0]));

    public static async Task<string> RunAsync(ContainerFixture fixture, Program program, IReadOnlyList<string> steps)
    {
        await ResetAsync(fixture);
        var transcript = new StringBuilder();
        foreach (string step in steps)
        {
            if (step.StartsWith(Setup, StringComparison.Ordinal))
            {
                await fixture.ShellCheckedAsync(step[Setup.Length..]);
                continue;
            }

            string[] words = Words(step);
            CommandResult result = await fixture.ExecAsync(Argv(program, words));
            transcript.Append($"$ nfct {step}\nexit {result.ExitCode}\n{result.Stdout}--- stderr\n{OutputMasking.NormalizeStderr(result.Stderr)}");
        }

        await ResetAsync(fixture);
        return transcript.ToString();
    }

    private static string[] Argv(Program program, string[] words) => program switch
    {
        Program.Nfct => ["nfct", .. words],
        Program.NetctAsNfct => ["env", $"PATH={LinkDirectory}:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin", "nfct", .. words],
        _ => ["netct", "timeout", words[0], .. words[2..]],
    };

    // nfct's words are separated by single spaces; "''" stands for an empty word.
    private static string[] Words(string step) => step.Split(' ').Select(word => word == "''" ? "" : word).ToArray();

    // No rules, entries or policies; the link that makes netct nfct.
    private static Task ResetAsync(ContainerFixture fixture) =>
        fixture.ShellCheckedAsync(
            $"mkdir -p {LinkDirectory} && ln -sf /usr/local/sbin/netct {LinkDirectory}/nfct; "
            + "iptables -t raw -F 2>/dev/null; nft flush ruleset; conntrack -F 2>/dev/null; nfct flush timeout");
}
