using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary><see cref="IConntrackKernel"/> over a <see cref="ConntrackClient"/>.</summary>
internal sealed class NetlinkConntrackKernel(ConntrackClient client) : IConntrackKernel
{
    public ConntrackTableSize ReadTableSize() => client.GetTableSize();

    public ConntrackCounterSnapshot ReadCounters() => ConntrackCounterSnapshot.FromCpuStatistics(client.GetCpuStatistics());

    public IEnumerable<Flow> DumpTable() => client.Dump();

    public long CountExpectations() => client.DumpExpectations().LongCount();
}
