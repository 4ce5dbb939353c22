using System.Text;
using NetCt.Cli;
using NetCt.Cli.Commands;
using NetCt.Cli.Output;

namespace NetCt.Tests.Commands;

/// <summary>One command run against a <see cref="ScriptedKernel"/>: what it printed and returned.</summary>
internal sealed class CommandRun
{
    private static readonly string Prefix = ProgramIdentity.VersionLine + ": ";

    private CommandRun(string stdout, string stderr, int exitCode)
    {
        Stdout = stdout;
        Stderr = stderr;
        ExitCode = exitCode;
    }

    public string Stdout { get; }

    /// <summary>stderr with the program-name prefix of each line removed.</summary>
    public string Stderr { get; }

    public int ExitCode { get; }

    /// <summary>Runs <paramref name="command"/> with a context whose output is captured.</summary>
    public static CommandRun Of(Func<CommandContext, int> command, string programPath = "netct")
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int exitCode;
        using (var output = new OutputBuffer(stdout))
        {
            exitCode = command(new CommandContext(output, stderr, programPath));
            output.Flush();
        }
        return new CommandRun(Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString().Replace(Prefix, ""), exitCode);
    }
}
