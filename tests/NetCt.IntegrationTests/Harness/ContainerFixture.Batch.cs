using System.Text;

namespace NetCt.IntegrationTests.Harness;

/// <content>
/// Many read-only comparisons in one container exec: each exec costs ~150 ms, so a class that compares
/// a hundred command lines runs them as one script instead of two hundred execs.
/// </content>
public abstract partial class ContainerFixture
{
    /// <summary>
    /// For each argument list, in order, runs conntrack and then netct on the same table (as
    /// <see cref="CompareAsync(string[])"/> does), all in one shell script. Only for commands that do
    /// not change the table and end by themselves.
    /// </summary>
    public async Task<IReadOnlyList<Comparison>> CompareAllAsync(IEnumerable<string[]> argumentLists)
    {
        var lists = argumentLists.ToList();
        var script = new StringBuilder("run() { \"$@\" >/tmp/netct-batch.out 2>/tmp/netct-batch.err; rc=$?; ")
            .Append("echo \"$rc b$(base64 -w0 </tmp/netct-batch.out) b$(base64 -w0 </tmp/netct-batch.err)\"; }\n");
        foreach (var args in lists)
        {
            string quoted = string.Join(' ', args.Select(ShellQuote));
            script.Append("run conntrack ").Append(quoted).Append('\n');
            script.Append("run netct ").Append(quoted).Append('\n');
        }

        var batch = await ShellAsync(script.ToString());
        var lines = batch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 2 * lists.Count)
        {
            Assert.Fail($"the batch of {lists.Count} comparisons ended early: {batch}");
        }

        var comparisons = new List<Comparison>(lists.Count);
        for (int i = 0; i < lists.Count; i++)
        {
            comparisons.Add(new Comparison(lists[i], ParseRun(lines[2 * i]), ParseRun(lines[(2 * i) + 1])));
        }

        return comparisons;
    }

    /// <summary>
    /// <see cref="CompareAllAsync"/>, then fails listing every command line whose runs differ (see
    /// <see cref="AssertSame"/>), not only the first.
    /// </summary>
    public async Task<IReadOnlyList<Comparison>> AssertAllSameAsync(IEnumerable<string[]> argumentLists)
    {
        var comparisons = await CompareAllAsync(argumentLists);
        var failures = new List<string>();
        foreach (var comparison in comparisons)
        {
            try
            {
                AssertSame(comparison);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} of {comparisons.Count} command lines differ:\n\n" + string.Join("\n\n", failures));
        }

        return comparisons;
    }

    private static CommandResult ParseRun(string line)
    {
        var fields = line.Split(' ');
        return new CommandResult(FromBase64(fields[1]), FromBase64(fields[2]), long.Parse(fields[0]));
    }

    private static string FromBase64(string field) => Encoding.UTF8.GetString(Convert.FromBase64String(field[1..]));

    private static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";
}
