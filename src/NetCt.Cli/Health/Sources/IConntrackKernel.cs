using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>What <c>netct health</c> asks the kernel over netlink; each call may throw <see cref="NetCt.Netlink.NetlinkException"/> when refused.</summary>
internal interface IConntrackKernel
{
    GlobalStatistics ReadGlobalStatistics();

    ConntrackCounterSnapshot ReadCounters();

    /// <summary>The table, streamed one entry at a time (possibly the same instance, overwritten by the next: keep nothing of it but immutable values).</summary>
    IEnumerable<Flow> DumpTable();

    long CountExpectations();

    /// <summary>The timeouts in force from cttimeout's default-get, by the name of the sysctl holding the same value.</summary>
    IReadOnlyDictionary<string, long> ReadDefaultTimeouts();
}
