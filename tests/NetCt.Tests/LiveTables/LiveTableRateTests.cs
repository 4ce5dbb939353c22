using NetCt.Conntrack;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.LiveTables;

/// <summary>NEW events per second by group, counted from the creates the model remembers, for any grouping at any moment.</summary>
public sealed class LiveTableRateTests
{
    private static GroupKey Source(string address) => new(GroupingKind.Source, 0, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(System.Net.IPAddress.Parse(address).GetAddressBytes()), (uint)IpFamily.IPv4);

    private static GroupKey Port(ushort port) => new(GroupingKind.DestinationPort, 0, 0, 6u << 16 | port);

    [Fact]
    public void RatesAreCountedOverTheWindowForAnyGrouping()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        clock.Advance(TimeSpan.FromSeconds(10));
        // Before the window: 5 creates that must not count.
        for (uint id = 1; id <= 5; id++)
        {
            table.Apply(New(Tcp(id, "192.0.2.1", "198.51.100.1", (ushort)(1000 + id), 443)));
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        // In the last 2 s: 6 creates from .1 to port 443, 2 from .2 to port 80, and one the dump brought (no NEW event).
        for (uint id = 11; id <= 16; id++)
        {
            table.Apply(New(Tcp(id, "192.0.2.1", "198.51.100.1", (ushort)(1000 + id), 443)));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        table.Apply(New(Tcp(21, "192.0.2.2", "198.51.100.1", 2000, 80)));
        table.Apply(New(Tcp(22, "192.0.2.2", "198.51.100.1", 2001, 80)));
        table.Apply(Update(Tcp(23, "192.0.2.3", "198.51.100.1", 2002, 80)));
        clock.Advance(TimeSpan.FromSeconds(0.5));

        IReadOnlyDictionary<GroupKey, double> bySource = table.NewEventRates(GroupingKind.Source, TimeSpan.FromSeconds(2));
        Assert.Equal(3.0, bySource[Source("192.0.2.1")], 6);
        Assert.Equal(1.0, bySource[Source("192.0.2.2")], 6);
        Assert.False(bySource.ContainsKey(Source("192.0.2.3")));

        // Another grouping, read for the first time, has its rates at once.
        IReadOnlyDictionary<GroupKey, double> byPort = table.NewEventRates(GroupingKind.DestinationPort, TimeSpan.FromSeconds(2));
        Assert.Equal(3.0, byPort[Port(443)], 6);
        Assert.Equal(1.0, byPort[Port(80)], 6);
    }

    [Fact]
    public void AWindowLongerThanTheModelCountsFromItsStart()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        clock.Advance(TimeSpan.FromSeconds(2));
        table.Apply(New(Udp(1, "192.0.2.1", "198.51.100.53", 53)));
        table.Apply(New(Udp(2, "192.0.2.1", "198.51.100.53", 53)));

        Assert.Equal(1.0, table.NewEventRates(GroupingKind.Source, TimeSpan.FromSeconds(60))[Source("192.0.2.1")], 6);
    }

    [Fact]
    public void WhenTheLogWrappedTheRateIsOverWhatItStillHolds()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        // Two creates per millisecond, past the log's capacity: the rate stays 2000/s.
        for (uint id = 1; id <= CreateLog.Capacity + 10_000; id++)
        {
            table.Apply(New(Udp(id, "192.0.2.1", "198.51.100.53", (ushort)(id % 60000 + 1))));
            if (id % 2 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        double rate = table.NewEventRates(GroupingKind.Source, TimeSpan.FromSeconds(60))[Source("192.0.2.1")];
        Assert.InRange(rate, 1990, 2010);
    }

    [Fact]
    public void AGroupingBuiltLateCountsTheNewEventsTheModelRemembers()
    {
        var table = new LiveTable();
        table.Reconcile([Udp(1, "192.0.2.1", "198.51.100.53", 53)], isResync: false);
        table.Apply(New(Udp(2, "192.0.2.1", "198.51.100.53", 53)));
        table.Apply(New(Udp(3, "192.0.2.2", "198.51.100.53", 53)));
        table.Apply(Destroy(Udp(3, "192.0.2.2", "198.51.100.53", 53)));

        GroupRow only = Assert.Single(table.Group(GroupingKind.Source, 10).Rows);
        Assert.Equal((2L, 1L), (only.Totals.Entries, only.Totals.NewEvents));

        // From then on the grouping is kept by events.
        table.Apply(New(Udp(4, "192.0.2.1", "198.51.100.53", 53)));
        Assert.Equal((3L, 2L), (table.Group(GroupingKind.Source, 10).Rows.Single().Totals.Entries, table.Group(GroupingKind.Source, 10).Rows.Single().Totals.NewEvents));
    }
}
