using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>One trouble counter: its total over the CPUs and, with a sampling interval, its growth and rate.</summary>
/// <param name="Counter">Which counter.</param>
/// <param name="Total">The sum over the CPUs at the last read.</param>
/// <param name="Growth">The growth over the interval (CPU by CPU, modulo 2^32), or null for a single read.</param>
/// <param name="PerSecond">The growth per second, or null for a single read.</param>
internal sealed record CounterRate(ConntrackCounter Counter, ulong Total, ulong? Growth, double? PerSecond)
{
    /// <summary>The name /proc/net/stat/nf_conntrack and conntrack -S use.</summary>
    public string Name => CounterNames.Of(Counter);
}

internal static class CounterNames
{
    public static string Of(ConntrackCounter counter) => counter switch
    {
        ConntrackCounter.Found => "found",
        ConntrackCounter.Invalid => "invalid",
        ConntrackCounter.Insert => "insert",
        ConntrackCounter.InsertFailed => "insert_failed",
        ConntrackCounter.Drop => "drop",
        ConntrackCounter.EarlyDrop => "early_drop",
        ConntrackCounter.Error => "error",
        ConntrackCounter.SearchRestart => "search_restart",
        ConntrackCounter.ClashResolve => "clash_resolve",
        ConntrackCounter.ChainTooLong => "chaintoolong",
        _ => counter.ToString(),
    };
}
