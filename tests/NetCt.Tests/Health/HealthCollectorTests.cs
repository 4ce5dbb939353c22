using NetCt.Cli.Health;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Health;

/// <summary>What the collector reads where, and its fallbacks when netlink is refused.</summary>
public sealed class HealthCollectorTests
{
    private const int EPERM = 1;

    private sealed class FakeKernel(bool refuse) : IConntrackKernel
    {
        public int CounterReads { get; private set; }

        public GlobalStatistics ReadGlobalStatistics() => refuse ? throw new NetlinkException(EPERM) : new(3, 1000);

        public ConntrackCounterSnapshot ReadCounters()
        {
            CounterReads++;
            return refuse ? throw new NetlinkException(EPERM) : HealthFixtures.Counters(drop: (uint)CounterReads);
        }

        public IEnumerable<Flow> DumpTable()
        {
            if (refuse)
                throw new NetlinkException(EPERM);
            yield return FlowCompositionTests.Entry(6, "192.0.2.1", "198.51.100.1", 443);
        }

        public long CountExpectations() => refuse ? throw new NetlinkException(EPERM) : 0;

        public IReadOnlyDictionary<string, long> ReadDefaultTimeouts() =>
            refuse ? throw new NetlinkException(EPERM) : new Dictionary<string, long> { ["nf_conntrack_udp_timeout"] = 45 };
    }

    private sealed class FakeFiles(Dictionary<string, string> files) : IProcFiles
    {
        public string? Read(string path) => files.GetValueOrDefault(path);

        public IReadOnlyList<string> List(string directory, string pattern) =>
            [.. files.Keys.Where(path => Path.GetDirectoryName(path) == directory && path.Contains("timeout")).Select(Path.GetFileName).OfType<string>().Order()];
    }

    private static Dictionary<string, string> ProcFiles() => new()
    {
        [ProcPaths.Count] = "7\n",
        [ProcPaths.Max] = "2000\n",
        [ProcPaths.Buckets] = "1024\n",
        [ProcPaths.ExpectMax] = "64\n",
        [ProcPaths.Accounting] = "1\n",
        [ProcPaths.Timestamps] = "0\n",
        [ProcPaths.Netfilter + "/nf_conntrack_udp_timeout"] = "45\n",
        [ProcPaths.CpuStatistics] = HealthFixtures.Header + "00000007  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000005 00000000 00000000  00000000 00000000 00000000 00000000\n",
        [SlabInfo.Path] = "slabinfo - version: 2.1\nnf_conntrack      200032 200032    256   16    1 : tunables    0    0    0 : slabdata  12502  12502      0\n",
    };

    [Fact]
    public void NetlinkFirstWithTwoCounterReadsAroundTheDump()
    {
        var kernel = new FakeKernel(refuse: false);

        var readings = new HealthCollector(kernel, new FakeFiles(ProcFiles())).Collect(TimeSpan.FromMilliseconds(20));

        Assert.Equal(2, kernel.CounterReads);
        Assert.Equal("netlink", readings.Counters!.Origin);
        Assert.Equal(1UL, readings.Counters.Last!.Since(readings.Counters.First, ConntrackCounter.Drop));
        Assert.InRange(readings.Counters.Seconds, 0.02, 10);
        Assert.Equal(3u, readings.Entries);
        Assert.Equal(1000u, readings.MaxEntries);
        Assert.Equal(1, readings.Composition!.Entries);
        Assert.Equal(256, readings.EntryObjectSize);
        Assert.Equal(1024u, readings.Buckets);
        Assert.True(readings.Accounting);
        Assert.False(readings.Timestamps);
        Assert.Equal([new KeyValuePair<string, long>("nf_conntrack_udp_timeout", 45)], readings.Timeouts);
        Assert.Equal(45, readings.DefaultTimeouts!["nf_conntrack_udp_timeout"]);
        Assert.Empty(readings.Problems);
    }

    [Fact]
    public void IntervalZeroReadsTheCountersOnce()
    {
        var kernel = new FakeKernel(refuse: false);

        var readings = new HealthCollector(kernel, new FakeFiles(ProcFiles())).Collect(TimeSpan.Zero);

        Assert.Equal(1, kernel.CounterReads);
        Assert.Null(readings.Counters!.Last);
    }

    [Fact]
    public void WhereNetlinkIsRefusedProcIsRead()
    {
        var readings = new HealthCollector(new FakeKernel(refuse: true), new FakeFiles(ProcFiles())).Collect(TimeSpan.Zero);

        Assert.Equal(ProcPaths.CpuStatistics, readings.Counters!.Origin);
        Assert.Equal(5UL, readings.Counters.First.Total(ConntrackCounter.Drop));
        Assert.Equal(7u, readings.Entries);
        Assert.Equal(2000u, readings.MaxEntries);
        Assert.Null(readings.Composition);
        Assert.Null(readings.DefaultTimeouts);
        Assert.Contains(readings.Problems, problem => problem.StartsWith("table dump refused: ", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingReadableIsReportedProblemByProblem()
    {
        var readings = new HealthCollector(new FakeKernel(refuse: true), new FakeFiles([])).Collect(TimeSpan.Zero);

        Assert.Null(readings.Counters);
        Assert.Null(readings.Entries);
        Assert.Contains(readings.Problems, problem => problem.StartsWith("per-CPU counters: netlink refused", StringComparison.Ordinal));
        Assert.Contains(readings.Problems, problem => problem.StartsWith("entry count: netlink refused", StringComparison.Ordinal));
        Assert.Equal(MonitoringStatus.Unknown, HealthFixtures.Report(readings).Status);
    }
}
