using System.Globalization;
using System.Numerics;
using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>
/// The findings of a report, each one line with the knob to turn and its cost. The rules (documented
/// in the man page, HEALTH): fill of the table and of the expectation table against the thresholds;
/// any drop or insert_failed during the interval is CRITICAL (packets were lost); early_drop and
/// chaintoolong are WARNING (entries evicted, inserts refused); an average chain longer than
/// <see cref="HealthThresholds.ChainLengthWarning"/> is WARNING; whatever could not be read is UNKNOWN.
/// </summary>
internal static class HealthVerdicts
{
    private const string MaxKnob = "net.netfilter.nf_conntrack_max";
    private const string ExpectMaxKnob = "net.netfilter.nf_conntrack_expect_max";
    private const string HashsizeKnob = "/sys/module/nf_conntrack/parameters/hashsize";

    public static IReadOnlyList<HealthFinding> Judge(TableFill fill, CounterSummary? counters, HealthReadings readings, HealthThresholds thresholds)
    {
        var findings = new List<HealthFinding>();
        foreach (string problem in readings.Problems)
            findings.Add(new HealthFinding(MonitoringStatus.Unknown, problem));

        JudgeFill(findings, fill, readings.EntryObjectSize, thresholds);
        if (counters is not null)
            JudgeCounters(findings, counters, fill, readings.EntryObjectSize);
        JudgeChains(findings, fill);
        JudgeExpectations(findings, fill, thresholds);
        return findings;
    }

    private static void JudgeFill(List<HealthFinding> findings, TableFill fill, int? objectSize, HealthThresholds thresholds)
    {
        if (fill.FillPercent is not double percent)
            return;
        var status = percent >= thresholds.CriticalPercent ? MonitoringStatus.Critical
            : percent >= thresholds.WarnPercent ? MonitoringStatus.Warning
            : MonitoringStatus.Ok;
        if (status == MonitoringStatus.Ok)
            return;
        double limit = status == MonitoringStatus.Critical ? thresholds.CriticalPercent : thresholds.WarnPercent;
        findings.Add(RaiseMax(
            status,
            $"table {Percent(percent)} full: {fill.Entries} of {fill.MaxEntries} entries (threshold {Percent(limit)})",
            fill, objectSize));
    }

    private static void JudgeCounters(List<HealthFinding> findings, CounterSummary counters, TableFill fill, int? objectSize)
    {
        if (Grew(counters, ConntrackCounter.Drop) is { } drop)
        {
            findings.Add(RaiseMax(
                MonitoringStatus.Critical,
                $"{Rate(drop)} packets dropped for want of a free entry (drop +{drop.Growth} in {Seconds(counters)})",
                fill, objectSize));
        }
        if (Grew(counters, ConntrackCounter.InsertFailed) is { } failed)
        {
            findings.Add(new HealthFinding(
                MonitoringStatus.Critical,
                $"{Rate(failed)} packets dropped because their entry could not be inserted (insert_failed +{failed.Growth} in {Seconds(counters)}): "
                + "clashing parallel packets of one flow (UDP through NAT, e.g. DNS) or over-long hash chains",
                Grew(counters, ConntrackCounter.ChainTooLong) is not null ? BucketKnob(fill) : null,
                Grew(counters, ConntrackCounter.ChainTooLong) is not null ? BucketCost(fill) : null));
        }
        if (Grew(counters, ConntrackCounter.EarlyDrop) is { } early)
        {
            findings.Add(RaiseMax(
                MonitoringStatus.Warning,
                $"{Rate(early)} unassured entries evicted early to make room (early_drop +{early.Growth} in {Seconds(counters)})",
                fill, objectSize));
        }
        if (Grew(counters, ConntrackCounter.ChainTooLong) is { } chains)
        {
            findings.Add(new HealthFinding(
                MonitoringStatus.Warning,
                $"{Rate(chains)} inserts into over-long hash chains (chaintoolong +{chains.Growth} in {Seconds(counters)})",
                BucketKnob(fill), BucketCost(fill)));
        }
    }

    private static void JudgeChains(List<HealthFinding> findings, TableFill fill)
    {
        if (fill.AverageChainLength is double average && average > HealthThresholds.ChainLengthWarning)
        {
            findings.Add(new HealthFinding(
                MonitoringStatus.Warning,
                $"average hash chain of {average.ToString("0.0", CultureInfo.InvariantCulture)} entries ({fill.Entries} entries in {fill.Buckets} buckets; above {HealthThresholds.ChainLengthWarning})",
                BucketKnob(fill), BucketCost(fill)));
        }
    }

    private static void JudgeExpectations(List<HealthFinding> findings, TableFill fill, HealthThresholds thresholds)
    {
        if (fill.ExpectationFillPercent is not double percent || percent < thresholds.WarnPercent)
            return;
        var status = percent >= thresholds.CriticalPercent ? MonitoringStatus.Critical : MonitoringStatus.Warning;
        long suggested = NextPowerOfTwo(2 * (long)fill.ExpectationMax!.Value);
        findings.Add(new HealthFinding(
            status,
            $"expectation table {Percent(percent)} full: {fill.Expectations} of {fill.ExpectationMax} (helpers such as FTP or SIP cannot expect more)",
            $"{ExpectMaxKnob}={suggested}",
            "a few hundred bytes per expectation, only while helpers use them"));
    }

    // The advice for a table that is, or was, too small: double what it needs, rounded to a power of two.
    private static HealthFinding RaiseMax(MonitoringStatus status, string problem, TableFill fill, int? objectSize)
    {
        if (fill.MaxEntries is not uint max)
            return new HealthFinding(status, problem, MaxKnob + " (its value could not be read)");
        long suggested = NextPowerOfTwo(Math.Max(2L * (fill.Entries ?? 0), 2L * max));
        string knob = $"{MaxKnob}={suggested}";
        if (fill.Buckets is uint buckets and > 0 && (double)suggested / buckets > HealthThresholds.ChainLengthWarning)
            knob += $" and {HashsizeKnob}={NextPowerOfTwo(suggested)}";
        string? cost = objectSize is int size
            ? $"a full table then takes {ByteSizes.Format(suggested * size)} instead of {ByteSizes.Format((long)max * size)} ({size} B per entry)"
            : null;
        return new HealthFinding(status, problem, knob, cost);
    }

    private static string BucketKnob(TableFill fill) =>
        $"{HashsizeKnob}={NextPowerOfTwo(Math.Max(fill.Entries ?? 0, fill.MaxEntries ?? 0))}";

    private static string BucketCost(TableFill fill)
    {
        long suggested = NextPowerOfTwo(Math.Max(fill.Entries ?? 0, fill.MaxEntries ?? 0));
        return $"{ByteSizes.Format(suggested * MemoryEstimate.BucketSize)} of buckets instead of {ByteSizes.Format((long)(fill.Buckets ?? 0) * MemoryEstimate.BucketSize)}";
    }

    private static CounterRate? Grew(CounterSummary counters, ConntrackCounter counter) =>
        counters.Find(counter) is { Growth: > 0 } rate ? rate : null;

    private static long NextPowerOfTwo(long value) => value <= 1 ? 1 : (long)BitOperations.RoundUpToPowerOf2((ulong)value);

    // Small thresholds (a test's, or a huge max) need more than one decimal to be told apart.
    private static string Percent(double value) => value.ToString(value >= 0.1 ? "0.0" : "0.0##", CultureInfo.InvariantCulture) + "%";

    private static string Rate(CounterRate rate) => (rate.PerSecond ?? 0).ToString("0.0", CultureInfo.InvariantCulture) + "/s";

    private static string Seconds(CounterSummary counters) => (counters.Seconds ?? 0).ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
