using System.Net;
using NetCt.Conntrack;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.LiveTables;

/// <summary>The live table under scripted event sequences: its entries, aggregates and counters follow the events.</summary>
public sealed class LiveTableEventTests
{
    private static long Entries(LiveTable table, GroupKey key) =>
        table.Group(key.Kind, top: 1000).Rows.Where(row => row.Key == key).Sum(row => row.Totals.Entries);

    private static GroupKey TcpState(NetCt.Conntrack.TcpState state) => new(GroupingKind.ProtocolState, 0, 0, 6u << 8 | (uint)state);

    [Fact]
    public void NewUpdateAndDestroyMoveAnEntryThroughItsStates()
    {
        var table = new LiveTable();

        table.Apply(New(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, state: NetCt.Conntrack.TcpState.SynSent, status: FlowStatus.Confirmed)));
        Assert.Equal(1, table.Count);
        Assert.Equal(1, Entries(table, TcpState(NetCt.Conntrack.TcpState.SynSent)));
        Assert.Equal(1, Entries(table, new GroupKey(GroupingKind.Assurance, 0, 0, (uint)AssuranceClass.Unreplied)));

        table.Apply(Update(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, state: NetCt.Conntrack.TcpState.Established)));
        Assert.Equal(1, table.Count);
        Assert.Equal(0, Entries(table, TcpState(NetCt.Conntrack.TcpState.SynSent)));
        Assert.Equal(1, Entries(table, TcpState(NetCt.Conntrack.TcpState.Established)));
        Assert.Equal(1, Entries(table, new GroupKey(GroupingKind.Assurance, 0, 0, (uint)AssuranceClass.Assured)));

        table.Apply(Destroy(1));
        Assert.Equal(0, table.Count);
        Assert.Empty(table.Group(GroupingKind.ProtocolState, 10).Rows);
        Assert.Empty(table.Group(GroupingKind.Source, 10).Rows);

        LiveTableCounters counters = table.Counters;
        Assert.Equal((1, 1, 1), (counters.NewEvents, counters.UpdateEvents, counters.DestroyEvents));
    }

    [Fact]
    public void ADestroyOfAnUnknownEntryChangesNothingButTheCounter()
    {
        var table = new LiveTable();
        table.Apply(New(Udp(5, "192.0.2.5", "198.51.100.53", 53)));
        long version = table.Counters.Version;

        table.Apply(Destroy(6));

        Assert.Equal(1, table.Count);
        Assert.Equal(version, table.Counters.Version);
        Assert.Equal(1, table.Counters.DestroyEvents);
    }

    [Fact]
    public void AnUpdateWithoutCountersOrStateKeepsThoseOfTheDump()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        table.Reconcile([Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, timeout: 300, counters: new Counters(10, 1000))], isResync: false);

        clock.Advance(TimeSpan.FromSeconds(20));
        Flow bare = Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, mark: 7);
        bare.Tcp = null;
        bare.Timeout = null;
        table.Apply(Update(bare));

        Assert.True(table.TryGet(1, out LiveEntry entry));
        Assert.Equal(7u, entry.Mark);
        Assert.Equal((byte)NetCt.Conntrack.TcpState.Established, entry.State);
        Assert.Equal(new Counters(10, 1000), entry.OriginalCounters);
        Assert.Equal(2000ul, entry.TotalBytes);
        Assert.Equal(280u, entry.TimeToLive(table.Now));
        Assert.Equal(2000ul, table.Group(GroupingKind.Mark, 5).Rows.Single().Totals.Bytes);
    }

    [Fact]
    public void MarkAndZoneChangesMoveTheEntryBetweenGroups()
    {
        var table = new LiveTable();
        table.Apply(New(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443)));
        table.Apply(New(Tcp(2, "192.0.2.2", "198.51.100.1", 40000, 443)));

        table.Apply(Update(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, mark: 0x10, zone: 3)));

        GroupTable marks = table.Group(GroupingKind.Mark, 10);
        Assert.Equal([(0u, 1L), (0x10u, 1L)], marks.Rows.Select(row => (row.Key.Value, row.Totals.Entries)).OrderBy(pair => pair.Item1));
        GroupTable zones = table.Group(GroupingKind.Zone, 10);
        Assert.Equal([(0u, 1L), (3u, 1L)], zones.Rows.Select(row => (row.Key.Value, row.Totals.Entries)).OrderBy(pair => pair.Item1));

        table.Apply(Update(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, mark: 0, zone: 0)));
        Assert.Equal(2, table.Group(GroupingKind.Mark, 10).Rows.Single().Totals.Entries);
        Assert.Equal(2, table.Group(GroupingKind.Zone, 10).Rows.Single().Totals.Entries);
    }

    [Fact]
    public void AnEntryThatStopsMatchingTheFilterLeavesTheModel()
    {
        var table = new LiveTable(new LiveTableOptions { Filter = new FlowFilter { Mark = 1 } });
        table.Apply(New(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, mark: 1)));
        table.Apply(New(Tcp(2, "192.0.2.2", "198.51.100.1", 40000, 443, mark: 2)));
        Assert.Equal(1, table.Count);

        table.Apply(Update(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, mark: 3)));
        Assert.Equal(0, table.Count);

        table.Apply(Update(Tcp(2, "192.0.2.2", "198.51.100.1", 40000, 443, mark: 1)));
        Assert.True(table.TryGet(2, out _));
        Assert.Equal(2, table.Counters.NewEvents);
    }

    [Fact]
    public void AnOverrunIsCountedAndTheResyncLeavesNoGhostNorMissingRow()
    {
        var table = new LiveTable();
        table.Reconcile([Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443), Tcp(2, "192.0.2.2", "198.51.100.1", 40000, 443)], isResync: false);

        // The kernel dropped the DESTROY of 1, the NEW of 3 and the mark change of 2.
        table.Apply(new EventOverrun(1));
        Assert.Equal(1, table.Counters.Overruns);
        table.Reconcile([Tcp(2, "192.0.2.2", "198.51.100.1", 40000, 443, mark: 9), Udp(3, "192.0.2.3", "198.51.100.53", 53)], isResync: true);

        Assert.False(table.TryGet(1, out _));
        Assert.True(table.TryGet(2, out LiveEntry two));
        Assert.Equal(9u, two.Mark);
        Assert.True(table.TryGet(3, out _));
        Assert.Equal(2, table.Count);
        Assert.Equal(1, table.Counters.Resyncs);
        Assert.Equal(
            ["192.0.2.2", "192.0.2.3"],
            table.Group(GroupingKind.Source, 10).Rows.Select(row => row.Key.Address!.ToString()).Order());
        Assert.Equal(2, table.Group(GroupingKind.Family, 10).Rows.Single().Totals.Entries);
    }

    [Fact]
    public void EventsQueuedDuringTheDumpApplyOnTopOfIt()
    {
        var table = new LiveTable();
        table.Reconcile([Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443)], isResync: false);

        // Events the subscription queued while the dump ran: a NEW the dump already had, a DESTROY of an entry it had.
        table.Apply(New(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443)));
        table.Apply(New(Udp(2, "192.0.2.2", "198.51.100.53", 53)));
        table.Apply(Destroy(2));

        Assert.Equal(1, table.Count);
        Assert.Equal(1, table.Group(GroupingKind.ProtocolState, 10).Rows.Single().Totals.Entries);
    }

    [Fact]
    public void UndecodableEventsAreCounted()
    {
        var table = new LiveTable();
        table.Apply(new UndecodableEvent("bad"));
        Assert.Equal(1, table.Counters.UndecodableEvents);
    }

    [Fact]
    public void RatesComeFromTwoReadings()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        LiveTableCounters before = table.Counters;
        for (uint id = 1; id <= 10; id++)
        {
            table.Apply(New(Udp(id, "192.0.2.1", "198.51.100.53", 53)));
        }

        table.Apply(Destroy(1));
        clock.Advance(TimeSpan.FromSeconds(2));

        (double newRate, double updateRate, double destroyRate) = table.Counters.RatesSince(before);
        Assert.Equal((5.0, 0.0, 0.5), (newRate, updateRate, destroyRate));
    }

    [Fact]
    public void IcmpAndIpv6EntriesKeepTheirFields()
    {
        var table = new LiveTable();
        table.Apply(New(Icmp(1, "192.0.2.1", "198.51.100.1")));
        table.Apply(New(Tcp(2, "2001:db8::1", "2001:db8::2", 1234, 80)));

        Assert.True(table.TryGet(1, out LiveEntry icmp));
        Assert.Equal((true, (byte)8, (byte)0, (ushort)77, (ushort)0), (icmp.IsIcmp, icmp.IcmpType, icmp.IcmpCode, icmp.IcmpId, icmp.DestinationPort));
        Assert.True(table.TryGet(2, out LiveEntry six));
        Assert.Equal(IPAddress.Parse("2001:db8::2"), six.Destination);
        Assert.Equal(IpFamily.IPv6, six.Family);
        Flow back = six.ToFlow();
        Assert.Equal((IPAddress.Parse("2001:db8::1"), (ushort?)1234, (ushort?)80, (uint?)2u), (back.Original!.Source, back.Original.SourcePort, back.Original.DestinationPort, back.Id));
    }
}
