namespace NetCt.Conntrack;

/// <summary>
/// The top K groups of one aggregate of a <see cref="LiveTable"/>, ranked, and everything else summed
/// into <see cref="Other"/>, so that a view or a metric stays bounded however many groups exist.
/// </summary>
/// <param name="Kind">The grouping.</param>
/// <param name="Rows">The top groups, ranked (ties by key, so the order is stable).</param>
/// <param name="Other">The sum of the groups not in <paramref name="Rows"/>.</param>
/// <param name="OtherGroups">How many groups <paramref name="Other"/> sums.</param>
/// <param name="TotalEntries">Entries in all groups.</param>
public sealed record GroupTable(GroupingKind Kind, IReadOnlyList<GroupRow> Rows, GroupTotals Other, int OtherGroups, long TotalEntries)
{
    /// <summary>The share of all entries that <paramref name="totals"/> holds, 0 to 1.</summary>
    /// <param name="totals">A row's totals or <see cref="Other"/>.</param>
    /// <returns>The share (0 when the table is empty).</returns>
    public double ShareOf(GroupTotals totals) => TotalEntries == 0 ? 0 : (double)totals.Entries / TotalEntries;
}
