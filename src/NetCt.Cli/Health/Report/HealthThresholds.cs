namespace NetCt.Cli.Health;

/// <summary>When a fill level becomes a finding: percent of the maximum (nf_conntrack_max, nf_conntrack_expect_max).</summary>
/// <param name="WarnPercent">WARNING at or above this fill.</param>
/// <param name="CriticalPercent">CRITICAL at or above this fill.</param>
internal sealed record HealthThresholds(double WarnPercent, double CriticalPercent)
{
    public const double DefaultWarnPercent = 80;
    public const double DefaultCriticalPercent = 90;

    // Above this many entries per bucket on average, lookups walk long chains (the kernel's own
    // limit, MAX_CHAINLEN in nf_conntrack_core.c, refuses inserts into chains of 64).
    public const double ChainLengthWarning = 8;

    public static HealthThresholds Default { get; } = new(DefaultWarnPercent, DefaultCriticalPercent);
}
