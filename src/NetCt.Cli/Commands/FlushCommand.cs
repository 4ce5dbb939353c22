using System.Runtime.ExceptionServices;
using NetCt.Cli.Arguments;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary><c>-F</c>: empty the conntrack table, or with <c>-f</c> only the entries of one family.</summary>
/// <remarks>
/// conntrack 1.4.8 sends the family with nfgenmsg version 0, which the kernel takes for an old
/// tool's full flush: <c>-F -f ipv6</c> empties the whole table. netct empties only that family.
/// </remarks>
internal static class FlushCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context) =>
        EmptyAndReport(() => client.Flush(command.Family), "connection tracking table has been emptied.", context);

    /// <summary>
    /// Runs <paramref name="flush"/> and prints <paramref name="message"/> whether or not the kernel
    /// agreed, as conntrack does for -F and -F expect; a refusal is rethrown after the message.
    /// </summary>
    public static int EmptyAndReport(Action flush, string message, CommandContext context)
    {
        NetlinkException? refusal = null;
        try
        {
            flush();
        }
        catch (NetlinkException e)
        {
            refusal = e;
        }
        Messages.Write(context.Errors, message);
        if (refusal is not null)
            ExceptionDispatchInfo.Throw(refusal);
        return ExitCodes.Success;
    }
}
