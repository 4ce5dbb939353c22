using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-L expect</c>: stream the expectations of one family (IPv4 unless <c>-f</c> says otherwise, as in conntrack) and print them.</summary>
internal static class ExpectListCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var printer = new ExpectationPrinter(context.Output, command.Output);
        int shown = 0;
        foreach (var expectation in client.DumpExpectations(command.Family))
        {
            printer.Print(expectation);
            shown++;
        }
        printer.Finish();
        Messages.Write(context.Errors, $"{shown} expectations have been shown.");
        return ExitCodes.Success;
    }
}
