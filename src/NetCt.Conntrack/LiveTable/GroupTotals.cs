namespace NetCt.Conntrack;

/// <summary>What one group of a <see cref="LiveTable"/> aggregate holds.</summary>
/// <param name="Entries">Entries in the group now.</param>
/// <param name="Bytes">Bytes of both directions of those entries, as last counted (0 without accounting).</param>
/// <param name="NewEvents">NEW events that put an entry in this group since the group last appeared (for a grouping first read after the model filled: those of the creates the model still remembers). For rates, see <see cref="LiveTable.NewEventRates"/>.</param>
public readonly record struct GroupTotals(long Entries, ulong Bytes, long NewEvents)
{
    /// <summary>The sum of two totals.</summary>
    /// <param name="other">The other totals.</param>
    /// <returns>Both together.</returns>
    public GroupTotals Plus(GroupTotals other) => new(Entries + other.Entries, Bytes + other.Bytes, NewEvents + other.NewEvents);
}

/// <summary>One row of a <see cref="GroupTable"/>.</summary>
/// <param name="Key">The group.</param>
/// <param name="Totals">Its totals.</param>
public readonly record struct GroupRow(GroupKey Key, GroupTotals Totals);

/// <summary>How <see cref="LiveTable.Group"/> ranks groups for its top K.</summary>
public enum GroupOrder
{
    /// <summary>Most entries first.</summary>
    Entries,

    /// <summary>Most bytes first.</summary>
    Bytes,

    /// <summary>Most NEW events first.</summary>
    NewEvents,
}
