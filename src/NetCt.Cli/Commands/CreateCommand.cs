using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-I</c>: create an entry; <c>-A</c>: create it, or update the entry with the same tuple.</summary>
internal static class CreateCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var entry = NewEntry.From(command);
        if (command.Command == CommandKind.Add)
            client.Add(entry);
        else
            client.Create(entry);
        Messages.Write(context.Errors, command.Command == CommandKind.Add ? "1 flow entries have been added." : "1 flow entries have been created.");
        return ExitCodes.Success;
    }

    /// <summary>The pipeline request for a -I or -A line of a -R file.</summary>
    public static FlowRequest Request(ParsedCommand command) =>
        new(command.Command == CommandKind.Add ? FlowOperation.Add : FlowOperation.Create, NewEntry.From(command));
}
