using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>What <c>netct top</c> was asked to show, from its command line.</summary>
/// <param name="Filter">The entries to keep (conntrack's -L filters).</param>
/// <param name="FilterText">The filter as typed, for the header.</param>
/// <param name="Sort">The sort column.</param>
/// <param name="Descending">Reverse sort.</param>
/// <param name="Grouping">The grouping, or null for the entries.</param>
/// <param name="Refresh">The refresh interval.</param>
internal sealed record TopSettings(FlowFilter Filter, string FilterText, EntrySortKey Sort, bool Descending, GroupingKind? Grouping, TimeSpan Refresh);
