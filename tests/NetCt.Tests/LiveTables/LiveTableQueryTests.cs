using NetCt.Conntrack;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.LiveTables;

/// <summary>Grouping with top-K and an "other" row, and sorted pages of entries.</summary>
public sealed class LiveTableQueryTests
{
    private static LiveTable FiveSources()
    {
        // 192.0.2.1 has 5 entries, .2 has 4, ... .5 has 1: 15 in all.
        var table = new LiveTable();
        uint id = 0;
        for (int source = 1; source <= 5; source++)
        {
            for (int n = 0; n < 6 - source; n++)
            {
                table.Apply(New(Tcp(++id, $"192.0.2.{source}", "198.51.100.1", (ushort)(1000 + id), 443, timeout: 10 * id)));
            }
        }

        return table;
    }

    [Fact]
    public void TopKRanksGroupsAndSumsTheRestIntoOther()
    {
        GroupTable sources = FiveSources().Group(GroupingKind.Source, top: 2);

        Assert.Equal(["192.0.2.1", "192.0.2.2"], sources.Rows.Select(row => row.Key.Address!.ToString()));
        Assert.Equal([5L, 4L], sources.Rows.Select(row => row.Totals.Entries));
        Assert.Equal((6L, 3), (sources.Other.Entries, sources.OtherGroups));
        Assert.Equal(15, sources.TotalEntries);
        Assert.Equal(5.0 / 15, sources.ShareOf(sources.Rows[0].Totals), 6);
        Assert.Equal(15, sources.Rows.Sum(row => row.Totals.NewEvents) + sources.Other.NewEvents);
    }

    [Fact]
    public void TopZeroPutsEverythingInOther()
    {
        GroupTable sources = FiveSources().Group(GroupingKind.Source, top: 0);
        Assert.Empty(sources.Rows);
        Assert.Equal((15L, 5), (sources.Other.Entries, sources.OtherGroups));
    }

    [Fact]
    public void TiesRankByKeySoTheOrderIsStable()
    {
        var table = new LiveTable();
        table.Apply(New(Udp(1, "192.0.2.9", "198.51.100.1", 53)));
        table.Apply(New(Udp(2, "192.0.2.3", "198.51.100.1", 53)));
        table.Apply(New(Udp(3, "192.0.2.6", "198.51.100.1", 53)));

        Assert.Equal(["192.0.2.3", "192.0.2.6", "192.0.2.9"], table.Group(GroupingKind.Source, 3).Rows.Select(row => row.Key.Address!.ToString()));
    }

    [Fact]
    public void DestinationPortGroupsAreByProtocolAndPort()
    {
        var table = new LiveTable();
        table.Apply(New(Udp(1, "192.0.2.1", "198.51.100.1", 53)));
        table.Apply(New(Udp(2, "192.0.2.2", "198.51.100.1", 53)));
        table.Apply(New(Tcp(3, "192.0.2.3", "198.51.100.1", 1000, 53)));

        GroupTable ports = table.Group(GroupingKind.DestinationPort, 5);
        Assert.Equal([((byte)17, (ushort)53, 2L), ((byte)6, (ushort)53, 1L)], ports.Rows.Select(row => (row.Key.Protocol, row.Key.Port, row.Totals.Entries)));
    }

    [Fact]
    public void GroupsCanBeRankedByBytes()
    {
        var table = new LiveTable();
        table.Reconcile(
            [Tcp(1, "192.0.2.1", "198.51.100.1", 1000, 443, counters: new Counters(1, 10)),
             Tcp(2, "192.0.2.1", "198.51.100.1", 1001, 443, counters: new Counters(1, 10)),
             Tcp(3, "192.0.2.2", "198.51.100.1", 1002, 443, counters: new Counters(1, 500))],
            isResync: false);

        Assert.Equal("192.0.2.2", table.Group(GroupingKind.Source, 1, GroupOrder.Bytes).Rows.Single().Key.Address!.ToString());
        Assert.Equal("192.0.2.1", table.Group(GroupingKind.Source, 1, GroupOrder.Entries).Rows.Single().Key.Address!.ToString());
    }

    [Fact]
    public void AnAggregateLeftOutOfTheOptionsIsRefused()
    {
        var table = new LiveTable(new LiveTableOptions { Groupings = [GroupingKind.ProtocolState] });
        table.Apply(New(Udp(1, "192.0.2.1", "198.51.100.1", 53)));
        Assert.Single(table.Group(GroupingKind.ProtocolState, 5).Rows);
        Assert.Throws<InvalidOperationException>(() => table.Group(GroupingKind.Source, 5));
    }

    [Fact]
    public void PagesFollowTheSortBothWays()
    {
        LiveTable table = FiveSources();

        LiveEntryPage bySource = table.Query(EntrySortKey.Source, descending: false, skip: 0, take: 3);
        Assert.Equal(15, bySource.Total);
        Assert.Equal(["192.0.2.1:1001", "192.0.2.1:1002", "192.0.2.1:1003"], bySource.Rows.Select(e => $"{e.Source}:{e.SourcePort}"));

        LiveEntryPage byTtlDescending = table.Query(EntrySortKey.TimeToLive, descending: true, skip: 0, take: 2);
        Assert.Equal([15u, 14u], byTtlDescending.Rows.Select(e => e.Id));

        LiveEntryPage lastPage = table.Query(EntrySortKey.Id, descending: false, skip: 13, take: 10);
        Assert.Equal([14u, 15u], lastPage.Rows.Select(e => e.Id));
    }

    [Fact]
    public void APagePastTheEndIsClampedToTheLastRow()
    {
        LiveEntryPage page = FiveSources().Query(EntrySortKey.Id, descending: false, skip: 99, take: 5);
        Assert.Equal(14, page.Skip);
        Assert.Equal([15u], page.Rows.Select(e => e.Id));
    }

    [Fact]
    public void TheOrderFollowsChanges()
    {
        LiveTable table = FiveSources();
        Assert.Equal(1u, table.Query(EntrySortKey.Id, false, 0, 1).Rows.Single().Id);

        table.Apply(Destroy(Tcp(1, "192.0.2.1", "198.51.100.1", 1001, 443)));

        Assert.Equal(2u, table.Query(EntrySortKey.Id, false, 0, 1).Rows.Single().Id);
        Assert.Equal(14, table.Query(EntrySortKey.Id, false, 0, 1).Total);
    }

    [Fact]
    public void Ipv4SortsBeforeIpv6()
    {
        var table = new LiveTable();
        table.Apply(New(Tcp(1, "2001:db8::1", "2001:db8::2", 1, 80)));
        table.Apply(New(Tcp(2, "203.0.113.1", "198.51.100.1", 1, 80)));
        Assert.Equal([2u, 1u], table.Query(EntrySortKey.Source, false, 0, 5).Rows.Select(e => e.Id));
    }

    [Theory]
    [InlineData(EntrySortKey.Source)]
    [InlineData(EntrySortKey.Destination)]
    [InlineData(EntrySortKey.DestinationPort)]
    [InlineData(EntrySortKey.TimeToLive)]
    [InlineData(EntrySortKey.Bytes)]
    [InlineData(EntrySortKey.Mark)]
    public void APageNearTheTopShowsTheRowsOfTheFullOrder(EntrySortKey sort)
    {
        // 3000 entries with many ties: a page near the top is selected, a page at the end comes from a full sort.
        var random = new Random(7);
        var table = new LiveTable();
        for (uint id = 1; id <= 3000; id++)
        {
            table.Apply(New(Tcp(id, $"192.0.2.{random.Next(1, 40)}", $"198.51.100.{random.Next(1, 40)}", (ushort)random.Next(1000, 1100),
                (ushort)random.Next(1, 30), mark: (uint)random.Next(0, 5), timeout: (uint)random.Next(1, 100), counters: new Counters(1, (ulong)random.Next(0, 50)))));
        }

        foreach (bool descending in new[] { false, true })
        {
            uint[] top = [.. table.Query(sort, descending, skip: 40, take: 60).Rows.Select(entry => entry.Id)];
            uint[] all = [.. table.Query(sort, descending, skip: 0, take: 3000).Rows.Select(entry => entry.Id)];
            Assert.Equal(all.Skip(40).Take(60), top);
            Assert.Equal(all.Skip(40).Take(60), table.Query(sort, descending, skip: 40, take: 60).Rows.Select(entry => entry.Id));
        }
    }
}
