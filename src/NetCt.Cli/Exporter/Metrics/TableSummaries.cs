using System.Globalization;
using NetCt.Conntrack;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>
/// Reads a <see cref="TableSummary"/> from a <see cref="LiveTable"/>: its aggregates are kept as events
/// arrive, so this costs the number of groups, not the number of entries. Every aggregate is bounded
/// (top groups plus "other") so that no table, however odd, can explode the exporter's cardinality.
/// </summary>
internal static class TableSummaries
{
    /// <summary>More protocol × state or zone groups than this are summed into one "other" series.</summary>
    public const int MaxGroups = 100;

    public const string Other = "other";

    /// <summary>The aggregates the exporter reads; the source aggregate only when --top-sources asks for it (it costs memory per distinct source).</summary>
    public static GroupingKind[] Groupings(int topSources) =>
        topSources > 0
            ? [GroupingKind.ProtocolState, GroupingKind.Zone, GroupingKind.Family, GroupingKind.Assurance, GroupingKind.Source]
            : [GroupingKind.ProtocolState, GroupingKind.Zone, GroupingKind.Family, GroupingKind.Assurance];

    public static TableSummary From(LiveTable table, int topSources)
    {
        LiveTableCounters counters = table.Counters;

        var states = new List<ProtocolStateCount>();
        GroupTable byState = table.Group(GroupingKind.ProtocolState, MaxGroups);
        foreach (var row in byState.Rows)
            states.Add(new(ProtocolStateLabels.Protocol(row.Key.Protocol), ProtocolStateLabels.State(row.Key.Protocol, row.Key.State), row.Totals.Entries));
        if (byState.OtherGroups > 0)
            states.Add(new(Other, "", byState.Other.Entries));

        var zones = Rows(table.Group(GroupingKind.Zone, MaxGroups), key => ((uint)key.Value).ToString(CultureInfo.InvariantCulture));
        var families = Rows(table.Group(GroupingKind.Family, MaxGroups), key => key.Family == IpFamily.IPv6 ? "ipv6" : "ipv4");
        long assured = 0, unreplied = 0;
        foreach (var row in table.Group(GroupingKind.Assurance, MaxGroups).Rows)
        {
            if (row.Key.Assurance == AssuranceClass.Assured)
                assured += row.Totals.Entries;
            else if (row.Key.Assurance == AssuranceClass.Unreplied)
                unreplied += row.Totals.Entries;
        }

        List<LabeledCount> sources = [];
        long otherSources = 0;
        if (topSources > 0)
        {
            GroupTable bySource = table.Group(GroupingKind.Source, topSources);
            foreach (var row in bySource.Rows)
                sources.Add(new(row.Key.Address?.ToString() ?? "", row.Totals.Entries));
            otherSources = bySource.Other.Entries;
        }

        LabeledCount[] events =
        [
            new("new", counters.NewEvents),
            new("update", counters.UpdateEvents),
            new("destroy", counters.DestroyEvents),
            new("undecodable", counters.UndecodableEvents),
        ];
        return new TableSummary(states, zones, families, assured, unreplied, sources, otherSources, events, counters.Overruns, counters.Resyncs);
    }

    private static List<LabeledCount> Rows(GroupTable groups, Func<GroupKey, string> label)
    {
        var rows = groups.Rows.Select(row => new LabeledCount(label(row.Key), row.Totals.Entries)).ToList();
        if (groups.OtherGroups > 0)
            rows.Add(new(Other, groups.Other.Entries));
        return rows;
    }
}
