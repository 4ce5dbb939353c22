using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary><c>-C</c>: the number of entries, from ctnetlink or, on old kernels, from /proc.</summary>
internal static class CountCommand
{
    private const string ProcCountPath = "/proc/sys/net/netfilter/nf_conntrack_count";

    public static int Run(ConntrackClient client, CommandContext context)
    {
        uint count;
        try
        {
            count = client.Count();
        }
        catch (NetlinkException)
        {
            // Kernels before 3.19 have no IPCTNL_MSG_CT_GET_STATS; conntrack falls back to /proc.
            if (!TryReadProcCount(out count, out string? problem))
            {
                Messages.Write(context.Errors, problem!);
                return ExitCodes.OtherProblem;
            }
        }
        StatisticsFormatter.WriteCount(context.Output, count);
        context.Output.Flush();
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
