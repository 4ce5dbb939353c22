using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary><c>-G</c>: ask the kernel for the entry with the given tuple.</summary>
internal static class GetCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var query = command.Entry;
        query.Family = command.Family;
        var flow = client.Get(query);
        if (flow is null)
        {
            // conntrack reports ENOENT like any other kernel error, without the "shown" summary.
            Messages.OperationFailed(context.Errors, KernelErrorText.For((int)Errno.ENOENT, command.Command));
            return ExitCodes.OtherProblem;
        }
        var printer = FlowPrinter.ForCommand(FlowCommand.Get, context.Output, command.Output, command.Labels, errors: context.Errors);
        int shown = 0;
        // conntrack runs the reply through the same filter as a dump.
        if (FlowFilterBuilder.Build(command).Matches(flow))
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
