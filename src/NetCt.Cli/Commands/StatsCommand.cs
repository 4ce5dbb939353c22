using System.Text.Json;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary><c>-S</c>: per-CPU statistics from ctnetlink or, on old kernels, from /proc.</summary>
internal static class StatsCommand
{
    private const string ProcStatsPath = "/proc/net/stat/nf_conntrack";

    /// <param name="json">Whether <c>-o json</c> was given: one JSON object per CPU.</param>
    public static int Run(ConntrackClient client, CommandContext context, bool json = false)
    {
        using var jsonWriter = json ? new Utf8JsonWriter(context.Output, JsonFlowWriter.WriterOptions) : null;
        try
        {
            foreach (var cpu in client.GetCpuStatistics())
                StatisticsFormatter.WriteConntrackCpu(context.Output, cpu, jsonWriter);
        }
        catch (NetlinkException)
        {
            // Kernels without IPCTNL_MSG_CT_GET_STATS_CPU: conntrack reads the /proc table instead.
            if (!TryWriteProcStatistics(context.Output, jsonWriter))
            {
                context.Output.Flush();
                Messages.Write(context.Errors, "Can't open /proc interface");
                return ExitCodes.OtherProblem;
            }
        }
        context.Output.Flush();
        return ExitCodes.Success;
    }

    private static bool TryWriteProcStatistics(OutputBuffer output, Utf8JsonWriter? json)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(ProcStatsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        if (lines.Length < 2)
            return false;
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int cpu = 1; cpu < lines.Length; cpu++)
        {
            var values = new List<uint>();
            foreach (var word in lines[cpu].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                values.Add(uint.TryParse(word, System.Globalization.NumberStyles.HexNumber, null, out uint v) ? v : 0);
            StatisticsFormatter.WriteProcCpu(output, cpu - 1, names, values, json);
        }
        return true;
    }
}
