using System.CommandLine;
using NetCt.Cli.Commands;

namespace NetCt.Cli.Tree;

/// <summary>A command of netct's own tree, with the exit code its users expect for a wrong command line.</summary>
internal class NetctCommand(string name, string description) : Command(name, description)
{
    /// <summary>
    /// The exit code of a command line the parser refuses: conntrack's parameter problem by default; a
    /// command meant for monitoring systems says UNKNOWN (3) instead.
    /// </summary>
    public int UsageExitCode { get; init; } = ExitCodes.ParameterProblem;
}
