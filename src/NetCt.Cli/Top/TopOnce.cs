using System.Text.Json;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>
/// <c>netct top --once</c>: one snapshot of the model for scripts and tests, as plain text (the
/// header lines and every row, in columns, no escape codes) or as one JSON document (<c>-o json</c>).
/// Entries are read from the model a page at a time, so a million of them never sit in memory as text.
/// </summary>
internal static class TopOnce
{
    private const int PageSize = 4096;
    private const int GroupRows = 20;

    public static void WriteText(OutputBuffer output, LiveTable table, TopState state, TopFrame frame)
    {
        foreach (string line in TopHeader.Lines(state, frame, int.MaxValue))
            WriteLine(output, line);
        if (state.Grouping is { } kind)
        {
            GroupTable groups = table.Group(kind, GroupRows);
            var rows = new List<string[]> { TopCells.GroupHeaders(kind) };
            rows.AddRange(groups.Rows.Select(row => TopCells.Group(groups, row, 0)));
            if (groups.OtherGroups > 0)
                rows.Add(TopCells.Other(groups));
            int[] groupWidths = ColumnLayout.Widths(rows, int.MaxValue);
            foreach (string[] row in rows)
                WriteLine(output, ColumnLayout.Line(row, groupWidths));
            return;
        }

        // Two passes over the sorted order: the column widths, then the lines.
        string[] headers = TopCells.EntryHeaders(state.ShowCounters);
        var widths = headers.Select(header => header.Length).ToArray();
        foreach (string[] cells in EntryCells(table, state, frame.Now))
        {
            for (int i = 0; i < cells.Length; i++)
                widths[i] = Math.Max(widths[i], cells[i].Length);
        }

        WriteLine(output, ColumnLayout.Line(headers, widths));
        foreach (string[] cells in EntryCells(table, state, frame.Now))
            WriteLine(output, ColumnLayout.Line(cells, widths));
    }

    public static void WriteJson(OutputBuffer output, LiveTable table, TopState state, TopFrame frame)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonFlowWriter.WriterOptions.Encoder }))
        {
            LiveTableCounters counters = frame.Counters;
            json.WriteStartObject();
            json.WriteNumber("entries", counters.Entries);
            if (frame.Maximum is long max)
                json.WriteNumber("max", max);
            json.WriteString("sort", TopNames.NameOf(state.Sort));
            json.WriteBoolean("reverse", state.Descending);
            json.WriteString("group", TopNames.NameOf(state.Grouping));
            json.WriteString("filter", state.FilterText);
            if (state.Grouping is { } kind)
                WriteGroups(json, table.Group(kind, GroupRows));
            else
                WriteEntries(json, table, state, frame.Now);
            json.WriteEndObject();
        }

        output.EndLine();
    }

    private static void WriteGroups(Utf8JsonWriter json, GroupTable groups)
    {
        json.WriteStartArray("groups");
        foreach (GroupRow row in groups.Rows)
        {
            json.WriteStartObject();
            json.WriteString("key", TopCells.Key(row.Key));
            json.WriteNumber("entries", row.Totals.Entries);
            json.WriteNumber("bytes", row.Totals.Bytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("other");
        json.WriteNumber("groups", groups.OtherGroups);
        json.WriteNumber("entries", groups.Other.Entries);
        json.WriteNumber("bytes", groups.Other.Bytes);
        json.WriteEndObject();
    }

    private static void WriteEntries(Utf8JsonWriter json, LiveTable table, TopState state, uint now)
    {
        json.WriteStartArray("rows");
        foreach (LiveEntry entry in Entries(table, state))
        {
            json.WriteStartObject();
            json.WriteNumber("id", entry.Id);
            json.WriteString("proto", TopCells.Protocol(entry.Protocol));
            json.WriteString("src", entry.Source.ToString());
            json.WriteString("dst", entry.Destination.ToString());
            if (entry.IsIcmp)
            {
                json.WriteNumber("type", entry.IcmpType);
                json.WriteNumber("code", entry.IcmpCode);
                json.WriteNumber("icmp_id", entry.IcmpId);
            }
            else
            {
                json.WriteNumber("sport", entry.SourcePort);
                json.WriteNumber("dport", entry.DestinationPort);
            }

            if (TopCells.State(entry.Protocol, entry.State) is { Length: > 0 } stateName)
                json.WriteString("state", stateName);
            if (entry.HasTimeout)
                json.WriteNumber("ttl", entry.TimeToLive(now));
            json.WriteNumber("mark", entry.Mark);
            json.WriteNumber("zone", entry.Zone);
            json.WriteBoolean("assured", entry.IsAssured);
            json.WriteBoolean("unreplied", entry.IsUnreplied);
            if (entry.HasCounters)
            {
                json.WriteNumber("bytes", entry.TotalBytes);
                json.WriteNumber("packets", entry.OriginalCounters.Packets + entry.ReplyCounters.Packets);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static IEnumerable<string[]> EntryCells(LiveTable table, TopState state, uint now) =>
        Entries(table, state).Select(entry => TopCells.Entry(entry, now, state.ShowCounters));

    private static IEnumerable<LiveEntry> Entries(LiveTable table, TopState state)
    {
        for (int skip = 0; ; skip += PageSize)
        {
            LiveEntryPage page = table.Query(state.Sort, state.Descending, skip, PageSize);
            if (page.Skip != skip)
                yield break;
            foreach (LiveEntry entry in page.Rows)
                yield return entry;
            if (page.Rows.Count < PageSize)
                yield break;
        }
    }

    private static void WriteLine(OutputBuffer output, string line)
    {
        output.WriteUtf8(line.TrimEnd());
        output.EndLine();
    }
}
