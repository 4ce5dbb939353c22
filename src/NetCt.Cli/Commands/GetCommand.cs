using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-G</c>: ask the kernel for the entry with the given tuple.</summary>
internal static class GetCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var query = command.Entry;
        query.Family = command.Family;
        var flow = client.Get(query);
        var printer = FlowPrinter.ForCommand(FlowCommand.Get, context.Output, command.Output, command.Labels, errors: context.Errors);
        int shown = 0;
        // conntrack runs the reply through the same filter as a dump.
        if (flow is not null && FlowFilterBuilder.Build(command).Matches(flow))
        {
            printer.Print(flow);
            shown++;
        }
        printer.Finish();
        context.Output.Flush();
        Messages.Write(context.Errors, $"{shown} flow entries have been shown.");
        return shown == 0 ? ExitCodes.OtherProblem : ExitCodes.Success;
    }
}
