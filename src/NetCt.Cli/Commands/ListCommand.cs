using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-L</c> for the conntrack, dying and unconfirmed tables: stream, filter, print.</summary>
internal static class ListCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var table = command.Table switch
        {
            TableName.Dying => ConntrackTable.Dying,
            TableName.Unconfirmed => ConntrackTable.Unconfirmed,
            _ => ConntrackTable.Conntrack,
        };
        bool specialList = table != ConntrackTable.Conntrack;
        var printer = FlowPrinter.ForCommand(
            specialList ? FlowCommand.ListDyingOrUnconfirmed : FlowCommand.List,
            context.Output, command.Output, command.Labels, errors: context.Errors);

        // conntrack dumps the dying and unconfirmed lists without any filter, and ignores -z for them
        // (the kernel has no zeroing dump of those lists).
        var filter = specialList ? null : FlowFilterBuilder.Build(command);
        bool zero = !specialList && command.Options.HasFlag(CommandOptions.Zero);
        int shown = 0;
        // Every entry is read and printed straight from its message, filtered or not, and read once:
        // the printer gets the view the filter was checked on. Only an entry the view declines is
        // decoded into a Flow (see FlowView).
        client.DumpMessages((ref DumpedEntry entry) => { printer.Print(ref entry); shown++; }, filter, table, zero);
        printer.Finish();
        InterruptedDumps.ThrowIfInterrupted(client);
        context.Output.Flush();
        Messages.Write(context.Errors, $"{shown} flow entries have been shown.");
        return ExitCodes.Success;
    }
}
