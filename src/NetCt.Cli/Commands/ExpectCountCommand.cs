using System.Runtime.ExceptionServices;
using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-C expect</c>: the number of expectations of one family, counted over a dump as conntrack
/// does (there is no /proc fallback). When the kernel refuses the dump, conntrack still prints the
/// count so far, then the error.
/// </summary>
internal static class ExpectCountCommand
{
    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        uint count = 0;
        NetlinkException? refusal = null;
        try
        {
            foreach (var _ in client.DumpExpectations(command.Family))
                count++;
        }
        catch (NetlinkException e)
        {
            refusal = e;
        }
        StatisticsFormatter.WriteCount(context.Output, count);
        context.Output.Flush();
        if (refusal is not null)
            ExceptionDispatchInfo.Throw(refusal);
        return ExitCodes.Success;
    }
}
