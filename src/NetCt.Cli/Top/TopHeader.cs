using System.Globalization;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>
/// The two header lines: entries against nf_conntrack_max (with a fill bar), event rates, overruns
/// and resyncs, the kernel's drop and insert_failed rates; then the refresh interval, sort, grouping
/// and filter in force.
/// </summary>
internal static class TopHeader
{
    private const int BarWidth = 10;

    public static string[] Lines(TopState state, TopFrame frame, int columns)
    {
        LiveTableCounters counters = frame.Counters;
        string fill = frame.Maximum is long max and > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{counters.Entries}/{max} [{Bar((double)counters.Entries / max)}] {100.0 * counters.Entries / max:0.0}%")
            : counters.Entries.ToString(CultureInfo.InvariantCulture);
        string first = string.Create(CultureInfo.InvariantCulture,
            $"netct top  entries {fill}  new/s {frame.NewRate:0.0}  destroy/s {frame.DestroyRate:0.0}  overruns {counters.Overruns}  resyncs {counters.Resyncs}");
        string second = string.Create(CultureInfo.InvariantCulture,
            $"drop/s {Rate(frame.DropRate)}  insert_failed/s {Rate(frame.InsertFailedRate)}  refresh {state.Refresh.TotalSeconds:0.###}s  sort {TopNames.NameOf(state.Sort)}{(state.Descending ? " (reverse)" : "")}  group {TopNames.NameOf(state.Grouping)}  filter {(state.FilterText.Length == 0 ? "none" : state.FilterText)}");
        return [first, second];
    }

    private static string Bar(double share)
    {
        int filled = (int)Math.Round(Math.Clamp(share, 0, 1) * BarWidth);
        return new string('#', filled) + new string('.', BarWidth - filled);
    }

    private static string Rate(double? rate) => rate is double value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
