using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary><c>-D expect</c>: delete the expectation whose expected tuple matches <c>-s -d -p --sport --dport</c>.</summary>
/// <remarks>
/// conntrack 1.4.8 reports a successful delete as "0 expectations have been shown." and exits 1;
/// netct says "1 expectations have been deleted." and exits 0 (see the man page). A missing
/// expectation is the kernel's ENOENT, reported by <see cref="CommandRunner"/>.
/// </remarks>
internal static class ExpectDeleteCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        client.DeleteExpectation(ExpectationQuery.From(command));
        Messages.Write(context.Errors, "1 expectations have been deleted.");
        return ExitCodes.Success;
    }
}
