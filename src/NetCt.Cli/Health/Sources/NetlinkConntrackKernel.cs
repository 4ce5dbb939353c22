using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary><see cref="IConntrackKernel"/> over a <see cref="ConntrackClient"/>.</summary>
internal sealed class NetlinkConntrackKernel(ConntrackClient client, TimeoutClient timeouts) : IConntrackKernel
{
    public GlobalStatistics ReadGlobalStatistics() => client.GetGlobalStatistics();

    public ConntrackCounterSnapshot ReadCounters() => ConntrackCounterSnapshot.FromCpuStatistics(client.GetCpuStatistics());

    public IEnumerable<Flow> DumpTable() => client.DumpReusingEntry();

    public long CountExpectations() => client.DumpExpectations().LongCount();

    public IReadOnlyDictionary<string, long> ReadDefaultTimeouts() => CttimeoutDefaults.Read(timeouts);
}
