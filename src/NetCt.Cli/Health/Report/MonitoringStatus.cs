namespace NetCt.Cli.Health;

/// <summary>A verdict and, as its number, the exit status of the monitoring-plugin convention (Nagios, Icinga, …).</summary>
internal enum MonitoringStatus
{
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

internal static class MonitoringStatuses
{
    public static string Name(MonitoringStatus status) => status switch
    {
        MonitoringStatus.Ok => "OK",
        MonitoringStatus.Warning => "WARNING",
        MonitoringStatus.Critical => "CRITICAL",
        _ => "UNKNOWN",
    };

    /// <summary>
    /// The overall status of several findings: a problem found outranks a reading that failed, so
    /// CRITICAL, then WARNING, then UNKNOWN, then OK.
    /// </summary>
    public static MonitoringStatus Worst(IEnumerable<MonitoringStatus> statuses)
    {
        var worst = MonitoringStatus.Ok;
        foreach (var status in statuses)
        {
            if (Rank(status) > Rank(worst))
                worst = status;
        }
        return worst;
    }

    private static int Rank(MonitoringStatus status) => status switch
    {
        MonitoringStatus.Critical => 3,
        MonitoringStatus.Warning => 2,
        MonitoringStatus.Unknown => 1,
        _ => 0,
    };
}
