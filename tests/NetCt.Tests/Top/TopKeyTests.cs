using System.Text;
using NetCt.Cli.Top;
using NetCt.Conntrack;
using NetCt.Tests.LiveTables;

namespace NetCt.Tests.Top;

/// <summary>netct top's keys: what the terminal sends, and what each key does to the view.</summary>
public sealed class TopKeyTests
{
    private static TopSettings Settings(GroupingKind? grouping = null) =>
        new(new FlowFilter(), "", EntrySortKey.Source, false, grouping, TopRefresh.Default);

    private static LiveEntry AnEntry => LiveEntry.From(ScriptedFlows.Udp(7, "192.0.2.7", "198.51.100.53", 53), 0);

    [Fact]
    public void TerminalSequencesBecomeKeys()
    {
        List<TopKey> keys = TopKeyDecoder.Decode(Encoding.ASCII.GetBytes("q\e[A\e[B\e[5~\e[6~\e[H\e[F\eOH\e[4~\e[C\r\x7f\e"));
        Assert.Equal(
            [TopKey.Of('q'), new(TopKeyKind.Up), new(TopKeyKind.Down), new(TopKeyKind.PageUp), new(TopKeyKind.PageDown),
             new(TopKeyKind.Home), new(TopKeyKind.End), new(TopKeyKind.Home), new(TopKeyKind.End), new(TopKeyKind.Unknown),
             new(TopKeyKind.Enter), new(TopKeyKind.Backspace), new(TopKeyKind.Escape)],
            keys);
    }

    [Fact]
    public void BAndRStepTheSortAndReverseIt()
    {
        var state = new TopState(Settings());
        state.Handle(TopKey.Of('b'), 10, 100, null);
        Assert.Equal(EntrySortKey.Destination, state.Sort);
        state.Handle(TopKey.Of('B'), 10, 100, null);
        state.Handle(TopKey.Of('B'), 10, 100, null);
        Assert.Equal(EntrySortKey.Id, state.Sort);
        state.Handle(TopKey.Of('r'), 10, 100, null);
        Assert.True(state.Descending);
    }

    [Fact]
    public void GCyclesThroughEveryGroupingBackToTheEntries()
    {
        var state = new TopState(Settings());
        var seen = new List<GroupingKind?>();
        for (int i = 0; i < TopNames.Groupings.Length; i++)
        {
            state.Handle(TopKey.Of('g'), 10, 100, null);
            seen.Add(state.Grouping);
        }

        Assert.Equal([.. TopNames.Groupings.Skip(1).Select(g => g.Kind), null], seen);
    }

    [Fact]
    public void MovementKeysKeepTheCursorOnARowAndOnScreen()
    {
        var state = new TopState(Settings());
        state.Handle(new TopKey(TopKeyKind.PageDown), 10, 25, null);
        Assert.Equal((10, 1), (state.Cursor, state.Scroll));
        state.Handle(new TopKey(TopKeyKind.End), 10, 25, null);
        Assert.Equal((24, 15), (state.Cursor, state.Scroll));
        state.Handle(new TopKey(TopKeyKind.Down), 10, 25, null);
        Assert.Equal(24, state.Cursor);
        state.Handle(new TopKey(TopKeyKind.Home), 10, 25, null);
        Assert.Equal((0, 0), (state.Cursor, state.Scroll));
        state.Handle(new TopKey(TopKeyKind.Up), 10, 25, null);
        Assert.Equal(0, state.Cursor);
        state.Handle(new TopKey(TopKeyKind.End), 10, 25, null);
        state.Clamp(10, 3);
        Assert.Equal((2, 0), (state.Cursor, state.Scroll));
    }

    [Fact]
    public void XAsksAndOnlyYDeletes()
    {
        var state = new TopState(Settings());
        Assert.Equal(TopAction.None, state.Handle(TopKey.Of('x'), 10, 1, AnEntry));
        Assert.Equal(TopMode.DeleteConfirmation, state.Mode);
        Assert.Equal(TopAction.Delete, state.Handle(TopKey.Of('y'), 10, 1, AnEntry));
        Assert.Equal(7u, state.PendingDelete!.Value.Id);

        state.DeleteDone("deleted");
        state.Handle(TopKey.Of('x'), 10, 1, AnEntry);
        Assert.Equal(TopAction.None, state.Handle(TopKey.Of('n'), 10, 1, AnEntry));
        Assert.Equal((TopMode.Table, "not deleted"), (state.Mode, state.Message));
        Assert.Null(state.PendingDelete);
    }

    [Fact]
    public void XInAGroupingDeletesNothing()
    {
        var state = new TopState(Settings(GroupingKind.Source));
        Assert.Equal(TopAction.None, state.Handle(TopKey.Of('x'), 10, 1, AnEntry));
        Assert.Equal(TopMode.Table, state.Mode);
        Assert.NotNull(state.Message);
    }

    [Fact]
    public void TheFilterPromptEditsAndAppliesOrCancels()
    {
        var state = new TopState(Settings());
        state.Handle(TopKey.Of('/'), 10, 1, null);
        foreach (char c in "-p udpx")
            state.Handle(TopKey.Of(c), 10, 1, null);
        state.Handle(new TopKey(TopKeyKind.Backspace), 10, 1, null);
        Assert.Equal(TopAction.ApplyFilter, state.Handle(new TopKey(TopKeyKind.Enter), 10, 1, null));
        Assert.Equal("-p udp", state.PromptText);

        state.Handle(TopKey.Of('f'), 10, 1, null);
        Assert.Equal(TopMode.FilterPrompt, state.Mode);
        state.Handle(TopKey.Of('q'), 10, 1, null);
        Assert.Equal(TopAction.None, state.Handle(new TopKey(TopKeyKind.Escape), 10, 1, null));
        Assert.Equal(TopMode.Table, state.Mode);
    }

    [Fact]
    public void RChangesTheRefreshAndRefusesNonsense()
    {
        var state = new TopState(Settings());
        state.Handle(TopKey.Of('R'), 10, 1, null);
        foreach (char c in "2.5")
            state.Handle(TopKey.Of(c), 10, 1, null);
        state.Handle(new TopKey(TopKeyKind.Enter), 10, 1, null);
        Assert.Equal(TimeSpan.FromSeconds(2.5), state.Refresh);

        state.Handle(TopKey.Of('R'), 10, 1, null);
        state.Handle(TopKey.Of('0'), 10, 1, null);
        state.Handle(new TopKey(TopKeyKind.Enter), 10, 1, null);
        Assert.Equal(TimeSpan.FromSeconds(2.5), state.Refresh);
        Assert.StartsWith("refresh:", state.Message);
    }

    [Fact]
    public void QuitSpaceAndHelp()
    {
        var state = new TopState(Settings());
        Assert.Equal(TopAction.RefreshNow, state.Handle(TopKey.Of(' '), 10, 1, null));
        state.Handle(TopKey.Of('h'), 10, 1, null);
        Assert.Equal(TopMode.Help, state.Mode);
        Assert.Equal(TopAction.None, state.Handle(TopKey.Of('q'), 10, 1, null));
        Assert.Equal(TopMode.Table, state.Mode);
        Assert.Equal(TopAction.Quit, state.Handle(TopKey.Of('q'), 10, 1, null));
    }
}
