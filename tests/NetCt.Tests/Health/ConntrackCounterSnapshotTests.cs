using NetCt.Conntrack;

namespace NetCt.Tests.Health;

/// <summary>Per-CPU counters from /proc/net/stat/nf_conntrack and netlink, summed and differenced CPU by CPU.</summary>
public sealed class ConntrackCounterSnapshotTests
{
    // Linux 6.18's layout; "entries" (the global count, repeated per CPU) must never be summed.
    private const string Header =
        "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

    private static string Table(params string[] cpus) => Header + string.Join("\n", cpus) + "\n";

    [Fact]
    public void ProcTableTotalsAddTheCpusAndIgnoreEntries()
    {
        var snapshot = ConntrackCounterSnapshot.FromProcTable(Table(
            "00000064  00000001 00000002 00000000 00000003 00000000 00000000 00000004 00000005 00000006 00000007 00000008 00000009  00000000 00000000 00000000 0000000a",
            "00000064  00000010 00000020 00000000 00000030 00000000 00000000 00000040 00000050 00000060 00000070 00000080 00000090  00000000 00000000 00000000 000000a0"));

        Assert.Equal(2, snapshot.CpuCount);
        Assert.Equal(0x11UL, snapshot.Total(ConntrackCounter.ClashResolve));
        Assert.Equal(0x22UL, snapshot.Total(ConntrackCounter.Found));
        Assert.Equal(0x33UL, snapshot.Total(ConntrackCounter.Invalid));
        Assert.Equal(0x44UL, snapshot.Total(ConntrackCounter.ChainTooLong));
        Assert.Equal(0x55UL, snapshot.Total(ConntrackCounter.Insert));
        Assert.Equal(0x66UL, snapshot.Total(ConntrackCounter.InsertFailed));
        Assert.Equal(0x77UL, snapshot.Total(ConntrackCounter.Drop));
        Assert.Equal(0x88UL, snapshot.Total(ConntrackCounter.EarlyDrop));
        Assert.Equal(0x99UL, snapshot.Total(ConntrackCounter.Error));
        Assert.Equal(0xaaUL, snapshot.Total(ConntrackCounter.SearchRestart));
    }

    [Fact]
    public void ACounterAnOldKernelLacksIsNullNotZero()
    {
        var snapshot = ConntrackCounterSnapshot.FromProcTable(
            "entries  found drop\n00000001  00000002 00000003\n");

        Assert.Equal(3UL, snapshot.Total(ConntrackCounter.Drop));
        Assert.Null(snapshot.Total(ConntrackCounter.ChainTooLong));
        Assert.Null(snapshot.Since(snapshot, ConntrackCounter.ChainTooLong));
    }

    [Fact]
    public void GrowthIsTakenPerCpuModulo2To32()
    {
        // CPU 0 wrapped from 0xfffffff0 to 0x10 (32 drops); CPU 1 went from 5 to 7 (2 drops). Summing
        // first and subtracting afterwards would give a huge or negative number.
        var before = ConntrackCounterSnapshot.FromProcTable("entries drop\n00000000 fffffff0\n00000000 00000005\n");
        var after = ConntrackCounterSnapshot.FromProcTable("entries drop\n00000000 00000010\n00000000 00000007\n");

        Assert.Equal(34UL, after.Since(before, ConntrackCounter.Drop));
    }

    [Fact]
    public void NetlinkStatisticsGiveTheSameCounters()
    {
        var cpus = new[]
        {
            new CpuStatistics(0, [new(10, 7), new(9, 1)]), // CTA_STATS_DROP, CTA_STATS_INSERT_FAILED
            new CpuStatistics(1, [new(10, 3), new(15, 2)]), // CTA_STATS_DROP, CTA_STATS_CHAIN_TOOLONG
        };

        var snapshot = ConntrackCounterSnapshot.FromCpuStatistics(cpus);

        Assert.Equal(10UL, snapshot.Total(ConntrackCounter.Drop));
        Assert.Equal(1UL, snapshot.Total(ConntrackCounter.InsertFailed));
        Assert.Equal(2UL, snapshot.Total(ConntrackCounter.ChainTooLong));
        Assert.Null(snapshot.Total(ConntrackCounter.EarlyDrop));
    }

    [Fact]
    public void AValueThatIsNotHexadecimalIsAFormatError() =>
        Assert.Throws<FormatException>(() => ConntrackCounterSnapshot.FromProcTable("entries drop\n00000000 zz\n"));
}
