using System.Globalization;
using System.Text;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>The text of <c>netct top</c>'s table cells, shared by the screen and <c>--once</c>.</summary>
internal static class TopCells
{
    private static readonly string[] EntryColumns = ["proto", "source", "sport", "destination", "dport", "state", "ttl", "mark", "zone", "flags"];
    private static readonly string[] CounterColumns = ["bytes", "packets"];

    /// <summary>The column names of the entries view.</summary>
    public static string[] EntryHeaders(bool counters) => counters ? [.. EntryColumns, .. CounterColumns] : EntryColumns;

    /// <summary>
    /// One entry: protocol, addresses and ports (ICMP: <c>id N</c> and <c>TYPE/CODE</c> in the port
    /// columns), state, seconds to live, mark, zone, flags (A assured, U unreplied), and with
    /// counters the bytes and packets of both directions.
    /// </summary>
    public static string[] Entry(in LiveEntry entry, uint now, bool counters)
    {
        string[] cells =
        [
            Protocol(entry.Protocol),
            entry.Source.ToString(),
            entry.IsIcmp ? $"id {entry.IcmpId}" : Port(entry.Protocol, entry.SourcePort),
            entry.Destination.ToString(),
            entry.IsIcmp ? $"{entry.IcmpType}/{entry.IcmpCode}" : Port(entry.Protocol, entry.DestinationPort),
            State(entry.Protocol, entry.State),
            entry.HasTimeout ? entry.TimeToLive(now).ToString(CultureInfo.InvariantCulture) : "",
            entry.Mark.ToString(CultureInfo.InvariantCulture),
            entry.Zone.ToString(CultureInfo.InvariantCulture),
            (entry.IsAssured ? "A" : "") + (entry.IsUnreplied ? "U" : ""),
        ];
        if (!counters)
            return cells;
        return
        [
            .. cells,
            entry.HasCounters ? entry.TotalBytes.ToString(CultureInfo.InvariantCulture) : "",
            entry.HasCounters ? (entry.OriginalCounters.Packets + entry.ReplyCounters.Packets).ToString(CultureInfo.InvariantCulture) : "",
        ];
    }

    /// <summary>The column names of a grouping view.</summary>
    public static string[] GroupHeaders(GroupingKind kind) => [TopNames.NameOf(kind), "entries", "share", "bytes", "new/s"];

    /// <summary>One group: its key, entries, share of the table, bytes and NEW events per second.</summary>
    public static string[] Group(GroupTable table, GroupRow row, double newRate) =>
    [
        Key(row.Key),
        row.Totals.Entries.ToString(CultureInfo.InvariantCulture),
        Share(table.ShareOf(row.Totals)),
        row.Totals.Bytes.ToString(CultureInfo.InvariantCulture),
        newRate.ToString("0.0", CultureInfo.InvariantCulture),
    ];

    /// <summary>The "other" row: what the top K leave out.</summary>
    public static string[] Other(GroupTable table) =>
    [
        $"other ({table.OtherGroups} groups)",
        table.Other.Entries.ToString(CultureInfo.InvariantCulture),
        Share(table.ShareOf(table.Other)),
        table.Other.Bytes.ToString(CultureInfo.InvariantCulture),
        "",
    ];

    public static string Key(GroupKey key) => key.Kind switch
    {
        GroupingKind.Source or GroupingKind.Destination => key.Address!.ToString(),
        GroupingKind.ProtocolState => State(key.Protocol, key.State) is { Length: > 0 } state ? $"{Protocol(key.Protocol)} {state}" : Protocol(key.Protocol),
        GroupingKind.DestinationPort => $"{Protocol(key.Protocol)} {key.Port}",
        GroupingKind.Family => Encoding.ASCII.GetString(ProtocolNames.Layer3((byte)key.Family)),
        GroupingKind.Assurance => key.Assurance.ToString().ToLowerInvariant(),
        _ => key.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Protocol(byte protocol) => Encoding.ASCII.GetString(ProtocolNames.Protocol(protocol));

    public static string State(byte protocol, byte state) => protocol switch
    {
        6 => Encoding.ASCII.GetString(ProtocolNames.TcpState(state)),
        132 => Encoding.ASCII.GetString(ProtocolNames.SctpState(state)),
        33 => Encoding.ASCII.GetString(ProtocolNames.DccpState(state)),
        _ => "",
    };

    private static string Port(byte protocol, ushort port) =>
        ProtocolNumbers.HasPorts(protocol) ? port.ToString(CultureInfo.InvariantCulture) : "";

    private static string Share(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
