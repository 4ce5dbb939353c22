using NetCt.Cli.Top;
using NetCt.Conntrack;
using NetCt.Tests.Conntrack;
using NetCt.Tests.LiveTables;
using NetCt.Tests.Netlink;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.Top;

/// <summary>The header's and the groups' rates of netct top.</summary>
public sealed class TopMeasurementsTests
{
    private const int Eopnotsupp = 95;

    [Fact]
    public void GroupRatesAreRightAtOnceAfterTheGroupingChanges()
    {
        var clock = new ManualClock();
        var table = new LiveTable(new LiveTableOptions { Clock = clock });
        var kernel = new FakeKernel();
        // The per-CPU statistics are refused: the header shows "-" for them, the rates are the model's.
        kernel.Answer((_, sequence) => [KernelMessages.Ack(sequence, Eopnotsupp)]);
        var measurements = new TopMeasurements(table, kernel.Client());
        clock.Advance(TimeSpan.FromSeconds(3));
        measurements.Take();

        for (uint id = 1; id <= 4; id++)
        {
            table.Apply(New(Tcp(id, "192.0.2.1", "198.51.100.1", (ushort)(1000 + id), 443)));
        }

        table.Apply(New(Tcp(5, "192.0.2.2", "198.51.100.1", 2000, 22)));
        clock.Advance(TimeSpan.FromSeconds(1));
        measurements.Take();
        Assert.Equal(5.0, measurements.NewRate, 6);

        TopFrame bySource = measurements.Frame(true, null, table.Group(GroupingKind.Source, 10));
        Assert.Equal([4.0, 1.0], bySource.Groups!.Rows.Select(row => bySource.GroupNewRates![row.Key]));

        // The key that cycles the grouping redraws before the next refresh: the new grouping's rates are there.
        TopFrame byPort = measurements.Frame(true, null, table.Group(GroupingKind.DestinationPort, 10));
        Assert.Equal([(443, 4.0), (22, 1.0)], byPort.Groups!.Rows.Select(row => ((int)row.Key.Port, byPort.GroupNewRates![row.Key])));
    }
}
