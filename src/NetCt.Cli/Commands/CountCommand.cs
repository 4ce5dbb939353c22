using System.Runtime.ExceptionServices;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-C</c>: the number of entries, from ctnetlink or, when the kernel refuses (kernels before
/// 3.19, or no CAP_NET_ADMIN), from /proc. As in conntrack, a refusal is still reported after the
/// /proc count is printed, and the exit status is 1.
/// </summary>
internal static class CountCommand
{
    private const string ProcCountPath = "/proc/sys/net/netfilter/nf_conntrack_count";

    public static int Run(ConntrackClient client, CommandContext context)
    {
        uint count;
        NetlinkException? refusal = null;
        try
        {
            count = client.Count();
        }
        catch (NetlinkException e)
        {
            refusal = e;
            if (!TryReadProcCount(out count, out string? problem))
            {
                Messages.Write(context.Errors, problem!);
                return ExitCodes.OtherProblem;
            }
        }
        StatisticsFormatter.WriteCount(context.Output, count);
        context.Output.Flush();
        if (refusal is not null)
            ExceptionDispatchInfo.Throw(refusal);
        return ExitCodes.Success;
    }

    private static bool TryReadProcCount(out uint count, out string? problem)
    {
        count = 0;
        string text;
        try
        {
            text = File.ReadAllText(ProcCountPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "Can't open " + ProcCountPath;
            return false;
        }
        if (!uint.TryParse(text.AsSpan().Trim(), out count))
        {
            problem = "Can't read " + ProcCountPath;
            return false;
        }
        problem = null;
        return true;
    }
}
