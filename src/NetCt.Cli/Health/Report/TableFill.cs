namespace NetCt.Cli.Health;

/// <summary>How full the table and the expectation table are; null where a value could not be read.</summary>
internal sealed record TableFill(
    uint? Entries,
    uint? MaxEntries,
    uint? Buckets,
    long? Expectations,
    uint? ExpectationMax,
    bool? Accounting,
    bool? Timestamps)
{
    public double? FillPercent => Percent(Entries, MaxEntries);

    /// <summary>Entries per bucket: what a lookup walks on average.</summary>
    public double? AverageChainLength => Entries is uint entries && Buckets is uint buckets and > 0 ? (double)entries / buckets : null;

    public double? ExpectationFillPercent => Percent(Expectations, ExpectationMax);

    private static double? Percent(long? part, long? whole) =>
        part is long value && whole is long max and > 0 ? 100.0 * value / max : null;
}
