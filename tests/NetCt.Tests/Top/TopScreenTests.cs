using NetCt.Cli.Top;
using NetCt.Conntrack;
using NetCt.Tests.LiveTables;
using static NetCt.Tests.LiveTables.ScriptedFlows;

namespace NetCt.Tests.Top;

/// <summary>netct top drawn into a fixed-size screen, compared with golden screens.</summary>
public sealed class TopScreenTests
{
    private static LiveTable Table()
    {
        var table = new LiveTable(new LiveTableOptions { Clock = new ManualClock() });
        table.Apply(New(Tcp(1, "192.0.2.1", "198.51.100.1", 40000, 443, timeout: 300, mark: 5)));
        table.Apply(New(Udp(2, "192.0.2.2", "198.51.100.53", 53, timeout: 30)));
        table.Apply(New(Icmp(3, "192.0.2.3", "198.51.100.1")));
        table.Apply(New(Tcp(4, "2001:db8::1", "2001:db8::2", 1234, 80, state: TcpState.SynSent, status: FlowStatus.Confirmed, timeout: 120, zone: 2)));
        return table;
    }

    private static string Render(TopState state, LiveTable table, int rows, int columns)
    {
        int visible = TopScreen.VisibleRows(rows);
        state.Clamp(visible, state.Grouping is null ? table.Count : 99);
        LiveEntryPage? page = state.Grouping is null ? table.Query(state.Sort, state.Descending, state.Scroll, visible) : null;
        GroupTable? groups = state.Grouping is { } kind ? table.Group(kind, visible) : null;
        var frame = new TopFrame(table.Counters, 12.5, 3, 1000, 0, 0.5, true, table.Now, page, groups, null);
        var screen = new ScreenBuffer(rows, columns);
        TopScreen.Render(screen, state, frame);
        return screen.Text;
    }

    private static TopState State(EntrySortKey sort = EntrySortKey.Source, GroupingKind? grouping = null) =>
        new(new TopSettings(new FlowFilter(), "-f ipv4", sort, false, grouping, TopRefresh.Default)) { ShowCounters = false };

    [Fact]
    public void TheEntriesScreen()
    {
        Assert.Equal(
            """
            netct top  entries 4/1000 [..........] 0.4%  new/s 12.5  destroy/s 3.0  overruns 0
            drop/s 0.0  insert_failed/s 0.5  refresh 1s  sort src  group none  filter -f ipv4
            proto source      sport destination   dport state       ttl mark zone flags
            tcp   192.0.2.1   40000 198.51.100.1  443   ESTABLISHED 300 5    0    A
            udp   192.0.2.2   40000 198.51.100.53 53                30  0    0    U
            icmp  192.0.2.3   id 77 198.51.100.1  8/0               30  0    0    U
            tcp   2001:db8::1 1234  2001:db8::2   80    SYN_SENT    120 0    2    U
            h help  q quit  b/B sort  r reverse  g group  / filter  x delete
            """,
            Render(State(), Table(), rows: 8, columns: 84));
    }

    [Fact]
    public void ANarrowScreenCutsTheWidestColumnsWithAPlus()
    {
        string screen = Render(State(EntrySortKey.TimeToLive), Table(), rows: 6, columns: 60);
        Assert.Equal(
            """
            netct top  entries 4/1000 [..........] 0.4%  new/s 12.5  des
            drop/s 0.0  insert_failed/s 0.5  refresh 1s  sort ttl  group
            proto source  sport destina+ dport state ttl mark zone flags
            udp   192.0.+ 40000 198.51.+ 53          30  0    0    U
            icmp  192.0.+ id 77 198.51.+ 8/0         30  0    0    U
            h help  q quit  b/B sort  r reverse  g group  / filter  x de
            """,
            screen);
    }

    [Fact]
    public void TheGroupingScreenHasShareAndOther()
    {
        var table = Table();
        string screen = Render(State(grouping: GroupingKind.Destination), table, rows: 6, columns: 70);
        Assert.Equal(
            """
            netct top  entries 4/1000 [..........] 0.4%  new/s 12.5  destroy/s 3.0
            drop/s 0.0  insert_failed/s 0.5  refresh 1s  sort src  group dst  filt
            dst           entries share bytes new/s
            198.51.100.1  2       50.0% 0     0.0
            198.51.100.53 1       25.0% 0     0.0
            h help  q quit  b/B sort  r reverse  g group  / filter  x delete
            """,
            screen);
    }

    [Fact]
    public void TheCursorRowIsHighlighted()
    {
        var state = State();
        state.Handle(new TopKey(TopKeyKind.Down), 4, 4, null);
        var table = Table();
        var frame = new TopFrame(table.Counters, 0, 0, null, null, null, true, table.Now, table.Query(EntrySortKey.Source, false, 0, 4), null, null);
        var screen = new ScreenBuffer(8, 80);
        TopScreen.Render(screen, state, frame);

        Assert.Equal([RowStyle.Title, RowStyle.Normal, RowStyle.ColumnHeader, RowStyle.Normal, RowStyle.Highlight], Enumerable.Range(0, 5).Select(screen.Style));
        Assert.StartsWith("udp", screen.Row(4).ToString());
        Assert.Contains("entries 4  new/s 0.0", screen.Text);
        Assert.Contains("drop/s -  insert_failed/s -", screen.Text);
    }

    [Fact]
    public void TheDeletePromptNamesTheEntry()
    {
        var state = State();
        var table = Table();
        Assert.True(table.TryGet(1, out LiveEntry entry));
        state.Handle(TopKey.Of('x'), 4, 4, entry);
        string screen = Render(state, table, rows: 8, columns: 80);
        Assert.EndsWith("delete tcp 192.0.2.1:40000 -> 198.51.100.1:443? (y/n)", screen);
    }

    [Fact]
    public void ColourOnlyWhenAllowed()
    {
        var screen = new ScreenBuffer(2, 10);
        screen.Write(0, "title", RowStyle.Title);
        string coloured = System.Text.Encoding.UTF8.GetString(AnsiScreenWriter.Draw(screen, colour: true));
        string plain = System.Text.Encoding.UTF8.GetString(AnsiScreenWriter.Draw(screen, colour: false));

        Assert.Contains("\e[1;36mtitle", coloured);
        Assert.Contains("\e[1mtitle", plain);
        Assert.DoesNotContain("36m", plain);
        Assert.True(AnsiScreenWriter.ColourAllowed(null));
        Assert.True(AnsiScreenWriter.ColourAllowed(""));
        Assert.False(AnsiScreenWriter.ColourAllowed("1"));
    }
}
