using System.Globalization;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>
/// Draws one screen of <c>netct top</c> into a <see cref="ScreenBuffer"/>: two header lines, the
/// column names, the rows (entries or groups) with the cursor row highlighted, and a status line
/// that holds a message, a prompt or the key hint. The help replaces the rows while it is open.
/// </summary>
internal static class TopScreen
{
    /// <summary>Lines that are not table rows: two header lines, the column names, the status line.</summary>
    public const int ChromeRows = 4;

    public static int VisibleRows(int screenRows) => Math.Max(1, screenRows - ChromeRows);

    public static void Render(ScreenBuffer screen, TopState state, TopFrame frame)
    {
        var header = TopHeader.Lines(state, frame, screen.Columns);
        screen.Write(0, header[0], RowStyle.Title);
        screen.Write(1, header[1]);
        if (state.Mode == TopMode.Help)
            RenderHelp(screen);
        else if (!frame.Loaded)
            screen.Write(2, "reading the table...");
        else if (frame.Groups is { } groups && state.Grouping is { } kind)
            RenderGroups(screen, state, groups, frame.GroupNewRates, kind);
        else if (frame.Entries is { } entries)
            RenderEntries(screen, state, entries, frame.Now);
        screen.Write(screen.Rows - 1, StatusLine(state), RowStyle.Status);
    }

    private static void RenderEntries(ScreenBuffer screen, TopState state, LiveEntryPage page, uint now)
    {
        var rows = new List<string[]> { TopCells.EntryHeaders(state.ShowCounters) };
        foreach (LiveEntry entry in page.Rows)
            rows.Add(TopCells.Entry(entry, now, state.ShowCounters));
        RenderRows(screen, rows, state.Cursor - page.Skip);
    }

    private static void RenderGroups(ScreenBuffer screen, TopState state, GroupTable groups, IReadOnlyDictionary<GroupKey, double>? newRates, GroupingKind kind)
    {
        var rows = new List<string[]> { TopCells.GroupHeaders(kind) };
        foreach (GroupRow row in groups.Rows.Skip(state.Scroll))
            rows.Add(TopCells.Group(groups, row, newRates?.GetValueOrDefault(row.Key) ?? 0));
        if (groups.OtherGroups > 0)
            rows.Add(TopCells.Other(groups));
        RenderRows(screen, rows, state.Cursor - state.Scroll);
    }

    private static void RenderRows(ScreenBuffer screen, List<string[]> rows, int highlighted)
    {
        int visible = VisibleRows(screen.Rows);
        var shown = rows.Take(visible + 1).ToList();
        int[] widths = ColumnLayout.Widths(shown, screen.Columns);
        screen.Write(2, ColumnLayout.Line(shown[0], widths), RowStyle.ColumnHeader);
        for (int i = 1; i < shown.Count; i++)
            screen.Write(2 + i, ColumnLayout.Line(shown[i], widths), i - 1 == highlighted ? RowStyle.Highlight : RowStyle.Normal);
    }

    private static void RenderHelp(ScreenBuffer screen)
    {
        for (int i = 0; i < TopHelp.Keys.Length && 2 + i < screen.Rows - 1; i++)
            screen.Write(2 + i, TopHelp.Keys[i]);
    }

    private static string StatusLine(TopState state) => state.Mode switch
    {
        TopMode.FilterPrompt => "filter (conntrack -L options, Enter applies, Esc cancels): " + state.PromptText,
        TopMode.RefreshPrompt => "refresh every (seconds): " + state.PromptText,
        TopMode.DeleteConfirmation when state.PendingDelete is { } entry => $"delete {Describe(entry)}? (y/n)",
        TopMode.Help => "any key closes the help",
        _ => state.Message ?? "h help  q quit  b/B sort  r reverse  g group  / filter  x delete",
    };

    public static string Describe(in LiveEntry entry) =>
        entry.IsIcmp
            ? $"{TopCells.Protocol(entry.Protocol)} {entry.Source} -> {entry.Destination} type {entry.IcmpType} code {entry.IcmpCode} id {entry.IcmpId}"
            : string.Create(CultureInfo.InvariantCulture, $"{TopCells.Protocol(entry.Protocol)} {entry.Source}:{entry.SourcePort} -> {entry.Destination}:{entry.DestinationPort}");
}
