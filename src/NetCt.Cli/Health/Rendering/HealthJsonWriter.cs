using System.Text.Json;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using static NetCt.Cli.Health.HealthLabels;

namespace NetCt.Cli.Health;

/// <summary>
/// <c>netct health -o json</c>: the report as one JSON object on one line. The schema is in the man
/// page (HEALTH, JSON); a value that could not be read is left out rather than written as null.
/// </summary>
internal static class HealthJsonWriter
{
    public static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", MonitoringStatuses.Name(report.Status));
        json.WriteNumber("exit_code", (int)report.Status);
        WriteTable(json, report);
        if (report.Memory is { } memory)
            WriteMemory(json, memory);
        if (report.Counters is { } counters)
            WriteCounters(json, counters);
        if (report.Composition is { } composition)
            WriteComposition(json, composition);
        WriteTimeouts(json, report.Timeouts);
        WriteFindings(json, report);
        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, HealthReport report)
    {
        var fill = report.Fill;
        json.WriteStartObject("table");
        Number(json, "entries", fill.Entries);
        Number(json, "max", fill.MaxEntries);
        Number(json, "fill_percent", fill.FillPercent);
        Number(json, "buckets", fill.Buckets);
        Number(json, "average_chain_length", fill.AverageChainLength);
        Number(json, "expectations", fill.Expectations);
        Number(json, "expect_max", fill.ExpectationMax);
        Number(json, "expect_fill_percent", fill.ExpectationFillPercent);
        if (fill.Accounting is bool accounting)
            json.WriteBoolean("accounting", accounting);
        if (fill.Timestamps is bool timestamps)
            json.WriteBoolean("timestamps", timestamps);
        json.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter json, MemoryEstimate memory)
    {
        json.WriteStartObject("memory");
        json.WriteNumber("entry_object_bytes", memory.ObjectSize);
        json.WriteNumber("entries_bytes", memory.EntryBytes);
        json.WriteNumber("buckets_bytes", memory.BucketBytes);
        json.WriteNumber("total_bytes", memory.TotalBytes);
        Number(json, "at_max_bytes", memory.AtMaxBytes);
        json.WriteEndObject();
    }

    private static void WriteCounters(Utf8JsonWriter json, CounterSummary counters)
    {
        json.WriteStartObject("counters");
        json.WriteString("source", counters.Origin);
        json.WriteNumber("cpus", counters.Cpus);
        Number(json, "interval_seconds", counters.Seconds);
        foreach (var rate in counters.Rates)
        {
            json.WriteStartObject(rate.Name);
            json.WriteNumber("total", rate.Total);
            if (rate.Growth is ulong growth)
                json.WriteNumber("interval", growth);
            Number(json, "per_second", rate.PerSecond);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteComposition(Utf8JsonWriter json, CompositionSummary composition)
    {
        json.WriteStartObject("composition");
        json.WriteNumber("entries", composition.Entries);
        json.WriteNumber("unreplied", composition.Unreplied);
        json.WriteNumber("replied_not_assured", composition.RepliedNotAssured);
        json.WriteNumber("assured", composition.Assured);
        json.WriteStartArray("by_protocol_state");
        foreach (var (key, count) in composition.ByProtocolState)
        {
            json.WriteStartObject();
            json.WriteString("protocol", Protocol(key.Protocol));
            if (State(key) is { } state)
                json.WriteString("state", state);
            json.WriteNumber("entries", count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("by_zone");
        foreach (var (zone, count) in composition.ByZone)
        {
            json.WriteStartObject();
            json.WriteNumber("zone", zone);
            json.WriteNumber("entries", count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteTop(json, "top_sources", composition.Sources, (writer, address) => writer.WriteString("address", Address(address)));
        WriteTop(json, "top_destinations", composition.Destinations, (writer, address) => writer.WriteString("address", Address(address)));
        WriteTop(json, "top_destination_ports", composition.DestinationPorts, (writer, port) =>
        {
            writer.WriteString("protocol", Protocol(port.Protocol));
            writer.WriteNumber("port", port.Port);
        });
        json.WriteEndObject();
    }

    private static void WriteTop<TKey>(Utf8JsonWriter json, string name, TopList<TKey> top, Action<Utf8JsonWriter, TKey> writeKey)
        where TKey : notnull
    {
        json.WriteStartObject(name);
        json.WriteBoolean("exact", top.Exact);
        json.WriteStartArray("items");
        foreach (var item in top.Items)
        {
            json.WriteStartObject();
            writeKey(json, item.Key);
            json.WriteNumber("entries", item.Count);
            if (item.Overcount > 0)
                json.WriteNumber("overcount", item.Overcount);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("other", top.Other);
        json.WriteEndObject();
    }

    private static void WriteTimeouts(Utf8JsonWriter json, IReadOnlyList<TimeoutSetting> timeouts)
    {
        json.WriteStartArray("timeouts");
        foreach (var timeout in timeouts)
        {
            json.WriteStartObject();
            json.WriteString("sysctl", timeout.Name);
            json.WriteNumber("seconds", timeout.Seconds);
            Number(json, "sysctl_seconds", timeout.SysctlSeconds);
            Number(json, "default_get_seconds", timeout.CttimeoutSeconds);
            Number(json, "default_seconds", timeout.DefaultSeconds);
            json.WriteBoolean("changed", timeout.Changed);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("status", MonitoringStatuses.Name(finding.Status));
            json.WriteString("problem", finding.Problem);
            if (finding.Knob is { } knob)
                json.WriteString("knob", knob);
            if (finding.Cost is { } cost)
                json.WriteString("cost", cost);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double number)
            json.WriteNumber(name, Math.Round(number, 3));
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long number)
            json.WriteNumber(name, number);
    }

    private static void Number(Utf8JsonWriter json, string name, uint? value)
    {
        if (value is uint number)
            json.WriteNumber(name, number);
    }

}
