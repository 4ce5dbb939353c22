using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>The per-CPU counters read at the start and, unless the interval was 0, at the end of the sampling interval.</summary>
/// <param name="Origin">Where they came from: "netlink", or "/proc/net/stat/nf_conntrack" when netlink was refused.</param>
/// <param name="First">The first read.</param>
/// <param name="Last">The second read, or null for a single read (<c>--interval 0</c>).</param>
/// <param name="Seconds">The time between the two reads, as measured.</param>
internal sealed record CounterReadings(string Origin, ConntrackCounterSnapshot First, ConntrackCounterSnapshot? Last, double Seconds);
