using System.Globalization;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Top;

/// <summary>
/// The numbers of the header that change with time: event rates from two readings of the model's
/// counters, the kernel's drop and insert_failed rates from its per-CPU statistics, and
/// nf_conntrack_max. Taken once per refresh; between refreshes the screen shows the last ones.
/// </summary>
internal sealed class TopMeasurements(LiveTable table, ConntrackClient requests)
{
    private const string MaximumPath = "/proc/sys/net/netfilter/nf_conntrack_max";
    private const string AccountingPath = "/proc/sys/net/netfilter/nf_conntrack_acct";

    private LiveTableCounters _counters = table.Counters;
    private (ulong Drop, ulong InsertFailed, TimeSpan At)? _statistics;
    private TimeSpan _window = TopRefresh.Default;
    private GroupingKind? _ratesKind;

    public double NewRate { get; private set; }

    public double DestroyRate { get; private set; }

    public double? DropRate { get; private set; }

    public double? InsertFailedRate { get; private set; }

    public long? Maximum { get; private set; }

    /// <summary>NEW events per second of each group of the grouping last shown, over the time between the last two refreshes.</summary>
    public IReadOnlyDictionary<GroupKey, double> GroupNewRates { get; private set; } = new Dictionary<GroupKey, double>();

    /// <summary>Whether the kernel counts bytes and packets (net.netfilter.nf_conntrack_acct).</summary>
    public static bool AccountingOn() => ReadNumber(AccountingPath) is > 0;

    /// <summary>Takes new readings; the rates are over the time since the previous call.</summary>
    public void Take()
    {
        LiveTableCounters counters = table.Counters;
        (double newRate, _, double destroyRate) = counters.RatesSince(_counters);
        if (counters.Elapsed > _counters.Elapsed)
            _window = counters.Elapsed - _counters.Elapsed;
        (NewRate, DestroyRate, _counters) = (newRate, destroyRate, counters);
        _ratesKind = null;
        Maximum = ReadNumber(MaximumPath);
        TakeStatistics(counters.Elapsed);
    }

    /// <summary>
    /// The frame of one screen. Group rates are counted by the model from the creates it remembers,
    /// over the same time as the header's NEW/s, once per refresh, and again at once when the
    /// grouping on screen is not the one they were counted for (a key just switched it).
    /// </summary>
    public TopFrame Frame(bool loaded, LiveEntryPage? entries, GroupTable? groups)
    {
        if (groups is not null && groups.Kind != _ratesKind)
        {
            GroupNewRates = table.NewEventRates(groups.Kind, _window);
            _ratesKind = groups.Kind;
        }

        return new(table.Counters, NewRate, DestroyRate, Maximum, DropRate, InsertFailedRate, loaded, table.Now, entries, groups, GroupNewRates);
    }

    private void TakeStatistics(TimeSpan at)
    {
        ulong drop = 0, insertFailed = 0;
        try
        {
            foreach (CpuStatistics cpu in requests.GetCpuStatistics())
            {
                drop += cpu[(ushort)CtattrStatsCpu.CTA_STATS_DROP] ?? 0;
                insertFailed += cpu[(ushort)CtattrStatsCpu.CTA_STATS_INSERT_FAILED] ?? 0;
            }
        }
        catch (NetCt.Netlink.NetlinkException)
        {
            // Statistics are a nicety of the header; a kernel that refuses them leaves "-" there.
            (DropRate, InsertFailedRate, _statistics) = (null, null, null);
            return;
        }

        if (_statistics is { } before && at > before.At)
        {
            double seconds = (at - before.At).TotalSeconds;
            // Per-CPU u32 counters wrap; a sum that went down reads as no change.
            DropRate = drop >= before.Drop ? (drop - before.Drop) / seconds : 0;
            InsertFailedRate = insertFailed >= before.InsertFailed ? (insertFailed - before.InsertFailed) / seconds : 0;
        }
        else
        {
            (DropRate, InsertFailedRate) = (0, 0);
        }

        _statistics = (drop, insertFailed, at);
    }

    private static long? ReadNumber(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path).AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
