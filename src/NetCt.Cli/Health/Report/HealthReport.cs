namespace NetCt.Cli.Health;

/// <summary>
/// The table doctor's answer, computed from <see cref="HealthReadings"/> alone (no I/O): what was
/// measured, the findings, and the overall status that is also the exit status.
/// </summary>
internal sealed record HealthReport(
    MonitoringStatus Status,
    TableFill Fill,
    CounterSummary? Counters,
    CompositionSummary? Composition,
    IReadOnlyList<TimeoutSetting> Timeouts,
    MemoryEstimate? Memory,
    IReadOnlyList<HealthFinding> Findings,
    HealthThresholds Thresholds);
