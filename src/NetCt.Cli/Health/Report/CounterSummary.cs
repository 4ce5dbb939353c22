namespace NetCt.Cli.Health;

/// <summary>The trouble counters as a report shows them.</summary>
/// <param name="Origin">"netlink" or the /proc file they were read from.</param>
/// <param name="Cpus">How many CPUs reported.</param>
/// <param name="Seconds">The sampling interval as measured; null for a single read.</param>
/// <param name="Rates">The counters the kernel reports, in a fixed order.</param>
internal sealed record CounterSummary(string Origin, int Cpus, double? Seconds, IReadOnlyList<CounterRate> Rates)
{
    public CounterRate? Find(NetCt.Conntrack.ConntrackCounter counter) => Rates.FirstOrDefault(rate => rate.Counter == counter);
}
