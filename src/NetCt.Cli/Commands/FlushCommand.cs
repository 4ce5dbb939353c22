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
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        NetlinkException? refusal = null;
        try
        {
            client.Flush(command.Family);
        }
        catch (NetlinkException e)
        {
            refusal = e;
        }
        // conntrack prints this whether or not the kernel agreed, and then its error.
        Messages.Write(context.Errors, "connection tracking table has been emptied.");
        if (refusal is not null)
            ExceptionDispatchInfo.Throw(refusal);
        return ExitCodes.Success;
    }
}
