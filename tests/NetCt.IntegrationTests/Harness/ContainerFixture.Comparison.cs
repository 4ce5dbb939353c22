namespace NetCt.IntegrationTests.Harness;

/// <content>Running both programs on the same table and comparing what they printed.</content>
public abstract partial class ContainerFixture
{
    /// <summary>
    /// Runs conntrack and then netct with the same arguments on the same table, without changing it in
    /// between. Right for commands that do not change the table (-L, -G, -C, -S, -V, bad arguments).
    /// </summary>
    public async Task<Comparison> CompareAsync(params string[] args)
    {
        var reference = await ConntrackAsync(args);
        var netct = await NetctAsync(args);
        return new Comparison(args, reference, netct);
    }

    /// <summary>
    /// For commands that change the table: runs <paramref name="prepareTable"/>, conntrack, then
    /// <paramref name="prepareTable"/> again and netct, so both start from the same state. Pass
    /// <paramref name="inspect"/> to also compare what the table looks like after each run (its output
    /// is appended to the command's stdout with a <c>--- after ---</c> separator).
    /// </summary>
    public async Task<Comparison> CompareAsync(
        IReadOnlyList<string> args, Func<Task> prepareTable, string[]? inspect = null)
    {
        var argv = args.ToArray();
        await prepareTable();
        var reference = await WithAfterState(await ConntrackAsync(argv), inspect);
        await prepareTable();
        var netct = await WithAfterState(await NetctAsync(argv), inspect);
        return new Comparison(args, reference, netct);
    }

    /// <summary><see cref="CompareAsync(string[])"/> then <see cref="AssertSame"/>.</summary>
    public async Task<Comparison> AssertSameAsync(params string[] args)
    {
        var comparison = await CompareAsync(args);
        AssertSame(comparison);
        return comparison;
    }

    /// <summary><see cref="CompareAsync(IReadOnlyList{string}, Func{Task}, string[])"/> then <see cref="AssertSame"/>.</summary>
    public async Task<Comparison> AssertSameAsync(
        IReadOnlyList<string> args, Func<Task> prepareTable, string[]? inspect = null)
    {
        var comparison = await CompareAsync(args, prepareTable, inspect);
        AssertSame(comparison);
        return comparison;
    }

    /// <summary>
    /// Fails unless both runs have the same exit code, the same stdout after
    /// <see cref="OutputMasking.MaskStdout"/> and the same stderr after
    /// <see cref="OutputMasking.NormalizeStderr"/>. The message shows both runs in full.
    /// </summary>
    public static void AssertSame(Comparison comparison)
    {
        var differences = new List<string>();
        if (comparison.Reference.ExitCode != comparison.Netct.ExitCode)
        {
            differences.Add($"exit code: conntrack {comparison.Reference.ExitCode}, netct {comparison.Netct.ExitCode}");
        }

        var stdout = FirstDifference(
            OutputMasking.MaskStdout(comparison.Reference.Stdout), OutputMasking.MaskStdout(comparison.Netct.Stdout));
        if (stdout is not null)
        {
            differences.Add("stdout (masked) " + stdout);
        }

        var stderr = FirstDifference(
            OutputMasking.NormalizeStderr(comparison.Reference.Stderr),
            OutputMasking.NormalizeStderr(comparison.Netct.Stderr));
        if (stderr is not null)
        {
            differences.Add("stderr (normalized) " + stderr);
        }

        if (differences.Count > 0)
        {
            Assert.Fail(
                $"netct {string.Join(' ', comparison.Arguments)} differs from conntrack:\n  " +
                string.Join("\n  ", differences) +
                $"\n=== conntrack ===\n{comparison.Reference}\n=== netct ===\n{comparison.Netct}");
        }
    }

    private async Task<CommandResult> WithAfterState(CommandResult result, string[]? inspect)
    {
        if (inspect is null)
        {
            return result;
        }

        var after = await ConntrackAsync(inspect);
        return result with { Stdout = result.Stdout + "--- after ---\n" + after.Stdout };
    }

    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end of output>";
            var r = i < right.Length ? right[i] : "<end of output>";
            if (l != r)
            {
                return $"line {i + 1}:\n    conntrack: {l}\n    netct:     {r}";
            }
        }

        return "differs in line endings";
    }
}
