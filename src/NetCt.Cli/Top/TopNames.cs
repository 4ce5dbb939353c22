using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>The names of <c>netct top</c>'s sort columns and groupings, on the command line and on the screen.</summary>
internal static class TopNames
{
    /// <summary>Sort columns in the order <c>b</c> steps through them (iptstate's "next column").</summary>
    public static readonly (string Name, EntrySortKey Key)[] Sorts =
    [
        ("src", EntrySortKey.Source),
        ("dst", EntrySortKey.Destination),
        ("proto", EntrySortKey.Protocol),
        ("state", EntrySortKey.State),
        ("sport", EntrySortKey.SourcePort),
        ("dport", EntrySortKey.DestinationPort),
        ("ttl", EntrySortKey.TimeToLive),
        ("bytes", EntrySortKey.Bytes),
        ("packets", EntrySortKey.Packets),
        ("mark", EntrySortKey.Mark),
        ("zone", EntrySortKey.Zone),
        ("id", EntrySortKey.Id),
    ];

    /// <summary>Groupings in the order <c>g</c> cycles through them; "none" shows the entries.</summary>
    public static readonly (string Name, GroupingKind? Kind)[] Groupings =
    [
        ("none", null),
        ("src", GroupingKind.Source),
        ("dst", GroupingKind.Destination),
        ("dport", GroupingKind.DestinationPort),
        ("proto", GroupingKind.ProtocolState),
        ("zone", GroupingKind.Zone),
        ("mark", GroupingKind.Mark),
        ("family", GroupingKind.Family),
        ("assured", GroupingKind.Assurance),
    ];

    public static string NameOf(EntrySortKey key) => Sorts.First(sort => sort.Key == key).Name;

    public static string NameOf(GroupingKind? kind) => Groupings.First(grouping => grouping.Kind == kind).Name;

    public static int IndexOf(EntrySortKey key) => Array.FindIndex(Sorts, sort => sort.Key == key);

    public static int IndexOf(GroupingKind? kind) => Array.FindIndex(Groupings, grouping => grouping.Kind == kind);
}
