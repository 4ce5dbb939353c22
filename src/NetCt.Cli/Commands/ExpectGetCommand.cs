using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-G expect</c>: the expectation whose expected tuple matches <c>-s -d -p --sport --dport</c>
/// (the kernel compares under the expectation's mask, so <c>--sport</c> may be anything where the
/// mask ignores it). Printed without a summary line, as conntrack does.
/// </summary>
internal static class ExpectGetCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        var expectation = client.GetExpectation(ExpectationQuery.From(command));
        if (expectation is null)
        {
            Messages.OperationFailed(context.Errors, KernelErrorText.For((int)Errno.ENOENT, command.Command));
            return ExitCodes.OtherProblem;
        }
        var printer = new ExpectationPrinter(context.Output, command.Output);
        printer.Print(expectation);
        printer.Finish();
        return ExitCodes.Success;
    }
}
