using System.CommandLine;
using NetCt.Cli.Commands;

namespace NetCt.Cli.Tree;

/// <summary>A command line the tree refuses: one line on stderr that names the help to read, and the command's exit code.</summary>
internal static class UsageProblem
{
    public static int Report(ParseResult parsed, CommandContext context)
    {
        var command = parsed.CommandResult.Command;
        string path = CommandPath(parsed);
        // System.CommandLine lists allowed values on lines of their own; the promise is one line.
        string message = string.Join(' ', parsed.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        Messages.Write(context.Errors, $"{message} (see `netct help{path}')");
        return command is NetctCommand netctCommand ? netctCommand.UsageExitCode : ExitCodes.ParameterProblem;
    }

    // "netct help timeout add" for a subcommand; nothing after "help" for the root.
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names.Count == 0 ? "" : " " + string.Join(' ', names);
    }
}
