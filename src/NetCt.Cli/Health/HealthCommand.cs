using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Cli.Tree;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Health;

/// <summary>
/// <c>netct health</c>: is the conntrack table healthy, and if not, why. Exit status as a monitoring
/// plugin's: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also for a wrong command line).
/// </summary>
internal static class HealthCommand
{
    public const string Name = "health";

    private const double MaxIntervalSeconds = 3600;
    private const int MaxTop = 1000;

    public static NetctCommand Create(CommandContext context)
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between the two reads of the per-CPU counters that give the rates; 0 reads them once (no rates)",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 1,
        }.ReadAsNumber();
        var warn = new Option<double>("--warn")
        {
            Description = "WARNING when the table (or the expectation table) is this full, in percent of its maximum",
            HelpName = "PERCENT",
            DefaultValueFactory = _ => HealthThresholds.DefaultWarnPercent,
        }.ReadAsNumber();
        var crit = new Option<double>("--crit")
        {
            Description = "CRITICAL when the table (or the expectation table) is this full, in percent of its maximum",
            HelpName = "PERCENT",
            DefaultValueFactory = _ => HealthThresholds.DefaultCriticalPercent,
        }.ReadAsNumber();
        var top = new Option<int>("--top")
        {
            Description = "How many top sources, destinations and destination ports to show",
            HelpName = "N",
            DefaultValueFactory = _ => 5,
        }.ReadAsNumber();
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (aligned, for people) or json (one object, schema in the man page)",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var netns = NetnsTreeOption.Create();

        var command = new NetctCommand(Name,
            "Is the conntrack table healthy? Fill, drop and insert rates, what fills it, timeouts, memory, and what to change. "
            + "Exit status 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN")
        {
            UsageExitCode = (int)MonitoringStatus.Unknown,
        };
        command.Options.Add(interval);
        command.Options.Add(warn);
        command.Options.Add(crit);
        command.Options.Add(top);
        command.Options.Add(output);
        command.Options.Add(netns);
        command.SetAction(parsed =>
        {
            if (EnterNamespace(parsed, netns, context) is { } refused)
                return refused;
            double seconds = parsed.GetValue(interval);
            var thresholds = new HealthThresholds(parsed.GetValue(warn), parsed.GetValue(crit));
            int topCount = parsed.GetValue(top);
            if (Refuse(seconds, thresholds, topCount) is { } problem)
            {
                // Checked here rather than by a validator, which does not see the options' defaults.
                Messages.Write(context.Errors, $"{problem} (see `netct help {Name}')");
                return (int)MonitoringStatus.Unknown;
            }
            return Run(context, TimeSpan.FromSeconds(seconds), thresholds, topCount, parsed.GetValue(output) == "json");
        });
        return command;
    }

    // A monitoring system gets the one line and UNKNOWN, whatever kept netct out of the namespace.
    private static int? EnterNamespace(ParseResult parsed, Option<string> netns, CommandContext context) =>
        NetnsTreeOption.Enter(parsed, netns, context) is null ? null : (int)MonitoringStatus.Unknown;

    private static string? Refuse(double seconds, HealthThresholds thresholds, int top)
    {
        if (!(seconds >= 0 && seconds <= MaxIntervalSeconds))
            return $"--interval must be between 0 and {MaxIntervalSeconds} seconds";
        if (!(thresholds.WarnPercent > 0 && thresholds.WarnPercent <= 100) || !(thresholds.CriticalPercent > 0 && thresholds.CriticalPercent <= 100))
            return "--warn and --crit must be percentages above 0 and at most 100";
        if (thresholds.WarnPercent > thresholds.CriticalPercent)
            return "--warn must not be above --crit";
        if (top < 1 || top > MaxTop)
            return $"--top must be between 1 and {MaxTop}";
        return null;
    }

    private static int Run(CommandContext context, TimeSpan interval, HealthThresholds thresholds, int top, bool json)
    {
        HealthReport report;
        try
        {
            using var client = new ConntrackClient();
            using var timeouts = new TimeoutClient();
            var readings = new HealthCollector(new NetlinkConntrackKernel(client, timeouts), new ProcFiles()).Collect(interval);
            report = HealthReportBuilder.Build(readings, thresholds, top);
        }
        catch (Exception e) when (e is NetlinkException or NetlinkDecodeException)
        {
            // Whatever netct health cannot judge is UNKNOWN to a monitoring system, never a stack trace.
            Messages.Write(context.Errors, "health: " + e.Message);
            return (int)MonitoringStatus.Unknown;
        }

        if (json)
        {
            using (var writer = new Utf8JsonWriter(context.Output, JsonFlowWriter.WriterOptions))
                HealthJsonWriter.Write(writer, report);
            context.Output.Write((byte)'\n');
        }
        else
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            var style = TerminalStyle.For(context.StandardOutputKind == StandardOutputKind.Terminal, Environment.GetEnvironmentVariable("NO_COLOR"));
            HealthTextWriter.Write(text, report, style);
            context.Output.WriteUtf8(text.ToString());
        }
        context.Output.Flush();
        return (int)report.Status;
    }
}
