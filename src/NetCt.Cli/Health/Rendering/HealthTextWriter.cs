using NetCt.Conntrack;
using static NetCt.Cli.Health.HealthLabels;

namespace NetCt.Cli.Health;

/// <summary>
/// The report for people: a first line in the monitoring-plugin manner (status and the key figures),
/// then findings, table, counters, what fills the table, timeouts; aligned columns.
/// </summary>
internal static class HealthTextWriter
{
    public static void Write(TextWriter writer, HealthReport report, TerminalStyle style)
    {
        writer.Write($"netct health {style.Paint(report.Status, MonitoringStatuses.Name(report.Status))}: {Summary(report)}\n");
        WriteFindings(writer, report, style);
        WriteTable(writer, report, style);
        if (report.Counters is { } counters)
            WriteCounters(writer, counters, style);
        if (report.Composition is { } composition)
            WriteComposition(writer, composition, style);
        if (report.Timeouts.Count > 0)
            WriteTimeouts(writer, report.Timeouts, style);
    }

    private static string Summary(HealthReport report)
    {
        var parts = new List<string>();
        var fill = report.Fill;
        parts.Add(fill.Entries is uint entries && fill.MaxEntries is uint max
            ? $"{entries} of {max} entries ({Number(fill.FillPercent!.Value)}%)"
            : "table size unknown");
        foreach (var counter in new[] { ConntrackCounter.Drop, ConntrackCounter.InsertFailed })
        {
            if (report.Counters?.Find(counter) is { PerSecond: double rate } found)
                parts.Add($"{found.Name} {Number(rate)}/s");
        }
        return string.Join(", ", parts);
    }

    private static void WriteFindings(TextWriter writer, HealthReport report, TerminalStyle style)
    {
        writer.Write('\n');
        writer.Write(style.Heading("Findings") + "\n");
        if (report.Findings.Count == 0)
        {
            writer.Write($"  {style.Paint(MonitoringStatus.Ok, "OK")}  nothing to report (thresholds: WARNING at {Number(report.Thresholds.WarnPercent)}% of the maximum, CRITICAL at {Number(report.Thresholds.CriticalPercent)}%; any drop or insert_failed is CRITICAL)\n");
            return;
        }
        var table = new TextTable(false, false);
        foreach (var finding in report.Findings)
        {
            string advice = finding.Knob is null ? "" : $" -> {finding.Knob}" + (finding.Cost is null ? "" : $" ({finding.Cost})");
            table.Add([MonitoringStatuses.Name(finding.Status), finding.Problem + advice], cell => style.Paint(finding.Status, cell));
        }
        table.WriteTo(writer);
    }

    private static void WriteTable(TextWriter writer, HealthReport report, TerminalStyle style)
    {
        var fill = report.Fill;
        writer.Write('\n');
        writer.Write(style.Heading("Table") + "\n");
        var table = new TextTable(false, false);
        table.Add(["entries", fill.Entries is uint entries
            ? $"{entries} of {Known(fill.MaxEntries)} nf_conntrack_max" + (fill.FillPercent is double percent ? $" ({Number(percent)}%)" : "")
            : "unknown"]);
        table.Add(["buckets", fill.Buckets is uint buckets
            ? $"{buckets}" + (fill.AverageChainLength is double chain ? $", average chain {Number(chain, "0.00")}" : "")
            : "unknown"]);
        table.Add(["expectations", $"{Known(fill.Expectations)} of {Known(fill.ExpectationMax)} nf_conntrack_expect_max"
            + (fill.ExpectationFillPercent is double expectPercent ? $" ({Number(expectPercent)}%)" : "")]);
        table.Add(["accounting", OnOff(fill.Accounting)]);
        table.Add(["timestamps", OnOff(fill.Timestamps)]);
        table.Add(["memory", report.Memory is { } memory
            ? $"{ByteSizes.Format(memory.TotalBytes)} ({fill.Entries} x {memory.ObjectSize} B + {ByteSizes.Format(memory.BucketBytes)} of buckets)"
              + (memory.AtMaxBytes is long atMax ? $", {ByteSizes.Format(atMax)} when full" : "")
            : "unknown (no nf_conntrack line in /proc/slabinfo)"]);
        table.WriteTo(writer);
    }

    private static void WriteCounters(TextWriter writer, CounterSummary counters, TerminalStyle style)
    {
        writer.Write('\n');
        string over = counters.Seconds is double seconds ? $"over {Number(seconds, "0.00")} s" : "one read (--interval 0): no rates";
        writer.Write(style.Heading("Counters") + $" (summed over {counters.Cpus} CPUs, from {counters.Origin}, {over})\n");
        var table = new TextTable(false, true, true, true);
        table.Add(["counter", "total", "interval", "per second"]);
        foreach (var rate in counters.Rates)
        {
            table.Add([rate.Name, Count((long)rate.Total), rate.Growth is ulong growth ? Count((long)growth) : "-",
                rate.PerSecond is double perSecond ? Number(perSecond) : "-"]);
        }
        table.WriteTo(writer);
    }

    private static void WriteComposition(TextWriter writer, CompositionSummary composition, TerminalStyle style)
    {
        writer.Write('\n');
        writer.Write(style.Heading("What fills the table") + $" (one dump, {composition.Entries} entries)\n");
        var states = new TextTable(false, false, true, true);
        states.Add(["protocol", "state", "entries", "%"]);
        foreach (var (key, count) in composition.ByProtocolState)
            states.Add([Protocol(key.Protocol), State(key) ?? "-", Count(count), Share(count, composition.Entries)]);
        states.WriteTo(writer);

        writer.Write('\n');
        var status = new TextTable(false, true, true);
        status.Add(["status", "entries", "%"]);
        status.Add(["unreplied", Count(composition.Unreplied), Share(composition.Unreplied, composition.Entries)]);
        status.Add(["replied, not assured", Count(composition.RepliedNotAssured), Share(composition.RepliedNotAssured, composition.Entries)]);
        status.Add(["assured", Count(composition.Assured), Share(composition.Assured, composition.Entries)]);
        status.WriteTo(writer);

        writer.Write('\n');
        var zones = new TextTable(false, true, true);
        zones.Add(["zone", "entries", "%"]);
        foreach (var (zone, count) in composition.ByZone)
            zones.Add([Count(zone), Count(count), Share(count, composition.Entries)]);
        zones.WriteTo(writer);

        WriteTop(writer, "source", composition.Sources, Address, composition.Entries);
        WriteTop(writer, "destination", composition.Destinations, Address, composition.Entries);
        WriteTop(writer, "destination port", composition.DestinationPorts, Port, composition.Entries);
    }

    private static void WriteTop<TKey>(TextWriter writer, string heading, TopList<TKey> top, Func<TKey, string> label, long entries)
        where TKey : notnull
    {
        if (top.Items.Count == 0)
            return;
        writer.Write('\n');
        var table = new TextTable(false, true, true);
        table.Add([$"top {heading}s", "entries", "%"]);
        foreach (var item in top.Items)
        {
            string count = item.Overcount > 0 ? $"~{item.Count} ±{item.Overcount}" : Count(item.Count);
            table.Add([label(item.Key), count, Share(item.Count, entries)]);
        }
        if (top.Other > 0)
            table.Add(["other", Count(top.Other), Share(top.Other, entries)]);
        table.WriteTo(writer);
        if (top.Items.Any(item => item.Overcount > 0))
            writer.Write($"  (more distinct {heading}s than netct counts one by one: ~N ±E may be high by up to E)\n");
    }

    private static void WriteTimeouts(TextWriter writer, IReadOnlyList<TimeoutSetting> timeouts, TerminalStyle style)
    {
        writer.Write('\n');
        writer.Write(style.Heading("Timeouts") + " (seconds in force, from the sysctl and cttimeout's default-get, beside the kernel's defaults)\n");
        var table = new TextTable(false, true, true, true, false);
        table.Add(["sysctl", "value", "default-get", "default", ""]);
        foreach (var timeout in timeouts)
        {
            table.Add([timeout.Name, Known(timeout.SysctlSeconds, "-"), Known(timeout.CttimeoutSeconds, "-"),
                Known(timeout.DefaultSeconds, "?"), timeout.Changed ? "changed" : ""]);
        }
        table.WriteTo(writer);
    }

    private static string Share(long part, long whole) => whole > 0 ? Number(100.0 * part / whole) : "-";

    private static string Known(long? value, string unknown = "unknown") => value is long known ? Count(known) : unknown;

    private static string Known(uint? value) => value is uint known ? Count(known) : "unknown";
}
