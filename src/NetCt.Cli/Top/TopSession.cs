using System.Diagnostics;
using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Top;

/// <summary>
/// The interactive <c>netct top</c>: the model fed on its own thread, the screen redrawn every
/// refresh interval (and at once after a key or a resize), keys acted on as they come. A change of
/// filter starts a new model with one dump of the entries that match.
/// </summary>
internal sealed class TopSession(TopSettings settings, Action? prepareFeedThread, bool colour)
{
    // Bytes and packets come only with a dump: refreshed this often at most when they are shown.
    private static readonly TimeSpan CounterRedumpInterval = TimeSpan.FromSeconds(10);

    private LiveTable _table = null!;
    private LiveTableFeed _feed = null!;

    public int Run(TopTerminal terminal, CommandContext context)
    {
        var state = new TopState(settings) { ShowCounters = TopMeasurements.AccountingOn() };
        using var requests = new ConntrackClient();
        StartFeed(settings.Filter);
        try
        {
            var measurements = new TopMeasurements(_table, requests);
            measurements.Take();
            var clock = Stopwatch.StartNew();
            TimeSpan nextRefresh = state.Refresh, nextRedump = CounterRedumpInterval;
            bool wasLoaded = false;
            while (!terminal.StopRequested)
            {
                if (_feed.Failure is { } failure)
                    return Fail(terminal, context, failure);
                (int rows, int columns) = terminal.Size;
                int visible = TopScreen.VisibleRows(rows);
                (LiveEntryPage? page, GroupTable? groups) = Query(state, visible);
                bool redraw = terminal.TakeResized() || wasLoaded != _feed.IsLoaded;
                wasLoaded = _feed.IsLoaded;
                if (clock.Elapsed >= nextRefresh)
                {
                    measurements.Take();
                    nextRefresh = clock.Elapsed + state.Refresh;
                    redraw = true;
                }

                if (state.ShowCounters && state.Grouping is null && clock.Elapsed >= nextRedump && TopMeasurements.AccountingOn())
                {
                    _feed.RequestRedump();
                    nextRedump = clock.Elapsed + (state.Refresh > CounterRedumpInterval ? state.Refresh : CounterRedumpInterval);
                }

                if (redraw)
                    Draw(terminal, state, measurements.Frame(_feed.IsLoaded, page, groups), rows, columns);
                // Until the first dump is in, look often: the first full screen is drawn as soon as it is.
                int wait = (int)Math.Clamp((nextRefresh - clock.Elapsed).TotalMilliseconds, 0, _feed.IsLoaded ? 100 : 10);
                foreach (TopKey key in terminal.ReadKeys(wait))
                {
                    LiveEntry? highlighted = page is { } p && state.Cursor - p.Skip is int at && at >= 0 && at < p.Rows.Count ? p.Rows[at] : null;
                    switch (state.Handle(key, visible, page?.Total ?? RowCount(groups), highlighted))
                    {
                        case TopAction.Quit:
                            return ExitCodes.Success;
                        case TopAction.RefreshNow:
                            nextRefresh = TimeSpan.Zero;
                            break;
                        case TopAction.ApplyFilter:
                            ApplyFilter(state, ref measurements, requests);
                            break;
                        case TopAction.Delete:
                            Delete(state, requests);
                            break;
                    }

                    (page, groups) = Query(state, visible);
                    Draw(terminal, state, measurements.Frame(_feed.IsLoaded, page, groups), rows, columns);
                }
            }

            return ExitCodes.Success;
        }
        finally
        {
            _feed.Dispose();
        }
    }

    private void StartFeed(FlowFilter filter)
    {
        _table = new LiveTable(new LiveTableOptions { Filter = filter });
        _feed = new LiveTableFeed(_table, () => new ConntrackClient(), prepareFeedThread);
        _feed.Start();
    }

    private (LiveEntryPage? Page, GroupTable? Groups) Query(TopState state, int visible)
    {
        if (!_feed.IsLoaded)
            return (null, null);
        if (state.Grouping is { } kind)
        {
            GroupTable groups = _table.Group(kind, state.Scroll + visible);
            state.Clamp(visible, RowCount(groups));
            return (null, groups);
        }

        state.Clamp(visible, _table.Count);
        return (_table.Query(state.Sort, state.Descending, state.Scroll, visible), null);
    }

    private static int RowCount(GroupTable? groups) => groups is null ? 0 : groups.Rows.Count + (groups.OtherGroups > 0 ? 1 : 0);

    private void Draw(TopTerminal terminal, TopState state, TopFrame frame, int rows, int columns)
    {
        var screen = new ScreenBuffer(rows, columns);
        TopScreen.Render(screen, state, frame);
        terminal.Write(AnsiScreenWriter.Draw(screen, colour));
    }

    private void ApplyFilter(TopState state, ref TopMeasurements measurements, ConntrackClient requests)
    {
        if (TopFilter.Parse(TopFilter.Words(state.PromptText), out string? problem) is not { } filter)
        {
            state.Message = "filter: " + problem;
            return;
        }

        _feed.Dispose();
        StartFeed(filter);
        state.FilterText = string.Join(' ', TopFilter.Words(state.PromptText));
        measurements = new TopMeasurements(_table, requests);
        measurements.Take();
    }

    private static void Delete(TopState state, ConntrackClient requests)
    {
        if (state.PendingDelete is not { } entry)
            return;
        try
        {
            requests.Delete(entry.ToFlow());
            state.DeleteDone("deleted " + TopScreen.Describe(entry));
        }
        catch (NetlinkException e)
        {
            state.DeleteDone("not deleted: " + KernelErrorText.For(e.Errno, CommandKind.Delete));
        }
    }

    private static int Fail(TopTerminal terminal, CommandContext context, Exception failure)
    {
        terminal.Dispose();
        Messages.Write(context.Errors, "the table could not be read: " + (failure is NetlinkException netlink ? KernelErrorText.For(netlink.Errno, CommandKind.List) : failure.Message));
        return ExitCodes.OtherProblem;
    }
}
