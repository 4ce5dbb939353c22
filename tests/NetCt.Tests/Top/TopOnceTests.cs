using NetCt.Cli.Top;
using NetCt.Conntrack;
using NetCt.Tests.Commands;
using NetCt.Tests.LiveTables;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.Top;

/// <summary>netct top --once: every row in plain text without escape codes, or one JSON document.</summary>
public sealed class TopOnceTests
{
    private static (LiveTable Table, TopState State, TopFrame Frame) Snapshot(GroupingKind? grouping = null)
    {
        var table = new LiveTable(new LiveTableOptions { Clock = new ManualClock() });
        table.Reconcile(
            [Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, timeout: 300, counters: new Counters(3, 180)),
             Udp(2, "192.0.2.22", "198.51.100.53", 53, timeout: 30)],
            isResync: false);
        var state = new TopState(new TopSettings(new FlowFilter(), "", EntrySortKey.Source, false, grouping, TopRefresh.Default));
        var frame = new TopFrame(table.Counters, 0, 0, 65536, null, null, true, table.Now, null, null, null);
        return (table, state, frame);
    }

    [Fact]
    public void PlainTextHasTheHeaderAndEveryRowInColumns()
    {
        var (table, state, frame) = Snapshot();
        var run = CommandRun.Of(context =>
        {
            TopOnce.WriteText(context.Output, table, state, frame);
            return 0;
        });

        Assert.Equal(
            """
            netct top  entries 2/65536 [..........] 0.0%  new/s 0.0  destroy/s 0.0  overruns 0  resyncs 0
            drop/s -  insert_failed/s -  refresh 1s  sort src  group none  filter none
            proto source     sport destination   dport state       ttl mark zone flags bytes packets
            tcp   192.0.2.1  40000 198.51.100.1  443   ESTABLISHED 300 0    0    A     360   6
            udp   192.0.2.22 40000 198.51.100.53 53                30  0    0    U

            """,
            run.Stdout);
        Assert.DoesNotContain("\e", run.Stdout);
    }

    [Fact]
    public void JsonIsOneDocumentWithTheRows()
    {
        var (table, state, frame) = Snapshot();
        var run = CommandRun.Of(context =>
        {
            TopOnce.WriteJson(context.Output, table, state, frame);
            return 0;
        });

        using var document = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("entries").GetInt32());
        Assert.Equal(65536, root.GetProperty("max").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["192.0.2.1", "192.0.2.22"], rows.Select(row => row.GetProperty("src").GetString()));
        Assert.Equal("ESTABLISHED", rows[0].GetProperty("state").GetString());
        Assert.Equal(360, rows[0].GetProperty("bytes").GetInt32());
        Assert.False(rows[1].TryGetProperty("bytes", out _));
    }

    [Fact]
    public void JsonOfAGroupingHasGroupsAndOther()
    {
        var (table, state, frame) = Snapshot(GroupingKind.ProtocolState);
        var run = CommandRun.Of(context =>
        {
            TopOnce.WriteJson(context.Output, table, state, frame);
            return 0;
        });

        using var document = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var groups = document.RootElement.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("entries").GetInt32()));
        Assert.Equal([("tcp ESTABLISHED", 1), ("udp", 1)], groups);
        Assert.Equal(0, document.RootElement.GetProperty("other").GetProperty("groups").GetInt32());
    }
}
