using System.Text;
using System.Text.RegularExpressions;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// Write commands run by both programs from the same starting table, one container exec per
/// command: the table is prepared, conntrack runs, the table is listed with the reference; the table
/// is prepared again, netct runs, the table is listed again. Each program's stdout is followed by
/// <c>--- after ---</c> and the listing, as <see cref="ContainerFixture.CompareAsync(IReadOnlyList{string}, Func{Task}, string[])"/> does.
/// </summary>
public static partial class WriteComparison
{
    /// <summary>What lists the table after each run: every entry, with its family (timeouts are masked).</summary>
    public const string ListTable = "conntrack -L -o extended";

    /// <summary>Runs the comparison; <paramref name="prepare"/> is a shell script that sets the table up (its output is discarded).</summary>
    /// <param name="fixture">The container.</param>
    /// <param name="prepare">Sets the starting table up, e.g. <c>conntrack -F; conntrack -R FILE</c>.</param>
    /// <param name="args">The arguments both programs get.</param>
    /// <param name="stdin">A file in the container to give both programs as standard input, or null.</param>
    /// <param name="inspect">What lists the table after each run.</param>
    public static async Task<Comparison> CompareAsync(
        ContainerFixture fixture, string prepare, IReadOnlyList<string> args, string? stdin = null, string inspect = ListTable)
    {
        string quoted = string.Join(' ', args.Select(ShellQuote));
        string input = stdin is null ? "" : $" <{ShellQuote(stdin)}";
        var script = new StringBuilder()
            .Append("prepare() {\n").Append(prepare).Append("\n}\n")
            .Append("run() { prepare >/dev/null 2>&1; \"$@\"").Append(input).Append(" >/tmp/wp.out 2>/tmp/wp.err; rc=$?; ")
            .Append(inspect).Append(" >/tmp/wp.after 2>/dev/null; ")
            .Append("echo \"$rc b$(base64 -w0 </tmp/wp.out) b$(base64 -w0 </tmp/wp.err) b$(base64 -w0 </tmp/wp.after)\"; }\n")
            .Append("run conntrack ").Append(quoted).Append('\n')
            .Append("run netct ").Append(quoted).Append('\n');
        var result = await fixture.ShellAsync(script.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 2)
        {
            Assert.Fail($"the comparison of {string.Join(' ', args)} did not run through: {result}");
        }

        return new Comparison(args, Parse(lines[0]), Parse(lines[1]));
    }

    /// <summary><see cref="CompareAsync"/> then <see cref="ContainerFixture.AssertSame"/>.</summary>
    public static async Task<Comparison> AssertSameAsync(
        ContainerFixture fixture, string prepare, IReadOnlyList<string> args, string? stdin = null, string inspect = ListTable)
    {
        var comparison = await CompareAsync(fixture, prepare, args, stdin, inspect);
        ContainerFixture.AssertSame(comparison);
        return comparison;
    }

    /// <summary>Splits a command line written as in a shell, without quotes.</summary>
    public static string[] Words(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Every run creates the entries anew, and the kernel gives each a new id, which XML always prints.
    private static CommandResult Parse(string line)
    {
        var fields = line.Split(' ');
        string stdout = XmlId().Replace(Decode(fields[1]), "<id>*</id>");
        return new CommandResult(stdout + "--- after ---\n" + Decode(fields[3]), Decode(fields[2]), long.Parse(fields[0]));
    }

    [GeneratedRegex(@"<id>\d+</id>")]
    private static partial Regex XmlId();

    private static string Decode(string field) => Encoding.UTF8.GetString(Convert.FromBase64String(field[1..]));

    private static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";
}
