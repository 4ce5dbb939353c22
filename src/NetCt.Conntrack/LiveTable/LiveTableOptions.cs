namespace NetCt.Conntrack;

/// <summary>How a <see cref="LiveTable"/> is set up.</summary>
public sealed class LiveTableOptions
{
    /// <summary>Only entries that match are kept (conntrack's <c>-L</c> filters); an entry that stops matching (a mark change) leaves the model. Null for all.</summary>
    public FlowFilter? Filter { get; init; }

    /// <summary>The aggregates to keep; every kind by default. Each costs memory per distinct group (about 60 bytes), so a consumer that never reads by source can leave it out.</summary>
    public IReadOnlyCollection<GroupingKind> Groupings { get; init; } = Enum.GetValues<GroupingKind>();

    /// <summary>The clock behind entry expiry times and rates; the system clock by default (tests pass a fake one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
