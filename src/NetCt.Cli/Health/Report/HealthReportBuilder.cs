using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>Turns <see cref="HealthReadings"/> into a <see cref="HealthReport"/>: pure computation, no I/O.</summary>
internal static class HealthReportBuilder
{
    // The counters a report shows, in the order it shows them: trouble first.
    private static readonly ConntrackCounter[] ShownCounters =
    [
        ConntrackCounter.Drop, ConntrackCounter.EarlyDrop, ConntrackCounter.InsertFailed, ConntrackCounter.Invalid,
        ConntrackCounter.ClashResolve, ConntrackCounter.ChainTooLong, ConntrackCounter.SearchRestart,
        ConntrackCounter.Error, ConntrackCounter.Insert, ConntrackCounter.Found,
    ];

    public static HealthReport Build(HealthReadings readings, HealthThresholds thresholds, int top)
    {
        var fill = new TableFill(
            readings.Entries, readings.MaxEntries, readings.Buckets, readings.Expectations, readings.ExpectationMax,
            readings.Accounting, readings.Timestamps);
        var counters = readings.Counters is { } read ? Summarize(read) : null;
        var memory = Memory(fill, readings.EntryObjectSize);
        var timeouts = Timeouts(readings);
        var findings = HealthVerdicts.Judge(fill, counters, readings, thresholds);
        return new HealthReport(
            MonitoringStatuses.Worst(findings.Select(finding => finding.Status)),
            fill,
            counters,
            readings.Composition is { } composition ? CompositionSummary.Of(composition, top) : null,
            timeouts,
            memory,
            findings,
            thresholds);
    }

    // One row per timeout, whether the sysctl, cttimeout's default-get or both reported it.
    private static List<TimeoutSetting> Timeouts(HealthReadings readings)
    {
        var sysctls = readings.Timeouts.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var cttimeout = readings.DefaultTimeouts ?? new Dictionary<string, long>();
        return [.. sysctls.Keys.Union(cttimeout.Keys).Order(StringComparer.Ordinal).Select(name => new TimeoutSetting(
            name,
            sysctls.TryGetValue(name, out long sysctl) ? sysctl : null,
            cttimeout.TryGetValue(name, out long policy) ? policy : null,
            KernelTimeoutDefaults.Of(name)))];
    }

    private static CounterSummary Summarize(CounterReadings read)
    {
        var latest = read.Last ?? read.First;
        var rates = new List<CounterRate>();
        foreach (var counter in ShownCounters)
        {
            if (latest.Total(counter) is not ulong total)
                continue; // a kernel older than the counter
            ulong? growth = read.Last?.Since(read.First, counter);
            double? perSecond = growth is ulong grown && read.Seconds > 0 ? grown / read.Seconds : null;
            rates.Add(new CounterRate(counter, total, growth, perSecond));
        }
        return new CounterSummary(read.Origin, latest.CpuCount, read.Last is null ? null : read.Seconds, rates);
    }

    private static MemoryEstimate? Memory(TableFill fill, int? objectSize)
    {
        if (objectSize is not int size || fill.Entries is not uint entries)
            return null;
        long buckets = (long)(fill.Buckets ?? 0) * MemoryEstimate.BucketSize;
        long? atMax = fill.MaxEntries is uint max ? ((long)max * size) + buckets : null;
        return new MemoryEstimate(size, (long)entries * size, buckets, atMax);
    }
}
