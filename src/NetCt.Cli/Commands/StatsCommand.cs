using System.Text.Json;
using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>-S</c> and <c>-S expect</c>: per-CPU statistics from ctnetlink or, when the kernel refuses
/// (old kernels, or no CAP_NET_ADMIN), the table of /proc/net/stat/nf_conntrack, which conntrack
/// 1.4.8 prints for both (it holds the expect_* counters too). As in conntrack, a refusal is still
/// reported after the /proc table is printed, and the exit status is 1.
/// </summary>
internal static class StatsCommand
{
    private const string ProcStatsPath = "/proc/net/stat/nf_conntrack";

    public static int Run(ParsedCommand command, ConntrackClient client, CommandContext context)
    {
        bool expect = command.Command == CommandKind.ExpectStats;
        using var jsonWriter = command.Output.HasFlag(OutputFlags.Json) ? new Utf8JsonWriter(context.Output, JsonFlowWriter.WriterOptions) : null;
        try
        {
            if (expect)
            {
                foreach (var cpu in client.GetExpectationCpuStatistics())
                    StatisticsFormatter.WriteExpectationCpu(context.Output, cpu);
            }
            else
            {
                foreach (var cpu in client.GetCpuStatistics())
                    StatisticsFormatter.WriteConntrackCpu(context.Output, cpu, jsonWriter);
            }
        }
        catch (NetlinkException)
        {
            if (!TryWriteProcStatistics(context.Output, jsonWriter))
            {
                context.Output.Flush();
                Messages.Write(context.Errors, "Can't open /proc interface");
                return ExitCodes.OtherProblem;
            }
            context.Output.Flush();
            throw;
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
