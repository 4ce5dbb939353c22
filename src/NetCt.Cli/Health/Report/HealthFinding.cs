namespace NetCt.Cli.Health;

/// <summary>One verdict line: what is wrong, the knob to turn, and what turning it costs.</summary>
/// <param name="Status">How bad it is.</param>
/// <param name="Problem">What was found, with the figures.</param>
/// <param name="Knob">What to change (a sysctl or module parameter with its new value), or null when there is none.</param>
/// <param name="Cost">What the change costs (memory), or null.</param>
internal sealed record HealthFinding(MonitoringStatus Status, string Problem, string? Knob = null, string? Cost = null);
