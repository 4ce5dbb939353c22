using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>What the screen is doing: the table, a prompt, a delete confirmation, or the help.</summary>
internal enum TopMode
{
    Table,
    FilterPrompt,
    RefreshPrompt,
    DeleteConfirmation,
    Help,
}

/// <summary>What a key asks the session to do beyond changing <see cref="TopState"/>.</summary>
internal enum TopAction
{
    None,
    Quit,
    RefreshNow,
    ApplyFilter,
    Delete,
}

/// <summary>
/// The interactive state of <c>netct top</c> and what each key does to it (iptstate's keys, plus
/// <c>/</c>, <c>f</c> and <c>g</c>). Pure: the session feeds keys and acts on the returned
/// <see cref="TopAction"/>, so every key is unit-tested without a terminal.
/// </summary>
internal sealed class TopState(TopSettings settings)
{
    public EntrySortKey Sort { get; private set; } = settings.Sort;

    public bool Descending { get; private set; } = settings.Descending;

    public GroupingKind? Grouping { get; private set; } = settings.Grouping;

    public TimeSpan Refresh { get; private set; } = settings.Refresh;

    /// <summary>The filter in force, as typed.</summary>
    public string FilterText { get; set; } = settings.FilterText;

    public bool ShowCounters { get; set; } = true;

    public TopMode Mode { get; private set; } = TopMode.Table;

    /// <summary>What the user types at a prompt.</summary>
    public string PromptText { get; private set; } = "";

    /// <summary>A one-line message for the status line (an error, "deleted").</summary>
    public string? Message { get; set; }

    /// <summary>The highlighted row, as an index of the sorted rows.</summary>
    public int Cursor { get; private set; }

    /// <summary>The first row on screen.</summary>
    public int Scroll { get; private set; }

    /// <summary>The entry a delete confirmation is about.</summary>
    public LiveEntry? PendingDelete { get; private set; }

    /// <summary>Reacts to one key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="visibleRows">Rows of the table on screen (for paging).</param>
    /// <param name="totalRows">Rows in the table.</param>
    /// <param name="highlighted">The entry under the cursor, when the table shows entries.</param>
    public TopAction Handle(TopKey key, int visibleRows, int totalRows, LiveEntry? highlighted)
    {
        switch (Mode)
        {
            case TopMode.Help:
                Mode = TopMode.Table;
                return TopAction.None;
            case TopMode.FilterPrompt or TopMode.RefreshPrompt:
                return HandlePrompt(key);
            case TopMode.DeleteConfirmation:
                Mode = TopMode.Table;
                if (key == TopKey.Of('y') || key == TopKey.Of('Y'))
                    return TopAction.Delete;
                PendingDelete = null;
                Message = "not deleted";
                return TopAction.None;
        }

        Message = null;
        switch (key.Kind)
        {
            case TopKeyKind.Up: MoveCursor(-1, visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.Down: MoveCursor(1, visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.PageUp: MoveCursor(-Math.Max(1, visibleRows), visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.PageDown: MoveCursor(Math.Max(1, visibleRows), visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.Home: MoveCursor(int.MinValue / 2, visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.End: MoveCursor(int.MaxValue / 2, visibleRows, totalRows); return TopAction.None;
            case TopKeyKind.Character: break;
            default: return TopAction.None;
        }

        switch (key.Character)
        {
            case 'q' or 'Q':
                return TopAction.Quit;
            case ' ':
                return TopAction.RefreshNow;
            case 'h' or '?':
                Mode = TopMode.Help;
                return TopAction.None;
            case 'b':
                Sort = TopNames.Sorts[(TopNames.IndexOf(Sort) + 1) % TopNames.Sorts.Length].Key;
                return TopAction.None;
            case 'B':
                Sort = TopNames.Sorts[(TopNames.IndexOf(Sort) + TopNames.Sorts.Length - 1) % TopNames.Sorts.Length].Key;
                return TopAction.None;
            case 'r':
                Descending = !Descending;
                return TopAction.None;
            case 'g':
                Grouping = TopNames.Groupings[(TopNames.IndexOf(Grouping) + 1) % TopNames.Groupings.Length].Kind;
                Cursor = Scroll = 0;
                return TopAction.None;
            case 'C':
                ShowCounters = !ShowCounters;
                return TopAction.None;
            case '/' or 'f':
                Mode = TopMode.FilterPrompt;
                PromptText = FilterText;
                return TopAction.None;
            case 'R':
                Mode = TopMode.RefreshPrompt;
                PromptText = "";
                return TopAction.None;
            case 'x':
                if (Grouping is not null || highlighted is null)
                {
                    Message = "x deletes an entry: show the entries (g) and highlight one";
                    return TopAction.None;
                }

                PendingDelete = highlighted;
                Mode = TopMode.DeleteConfirmation;
                return TopAction.None;
            default:
                return TopAction.None;
        }
    }

    /// <summary>Keeps the cursor on a row and on screen after the table or the window changed size.</summary>
    public void Clamp(int visibleRows, int totalRows) => MoveCursor(0, visibleRows, totalRows);

    /// <summary>The confirmation was acted on.</summary>
    public void DeleteDone(string message)
    {
        PendingDelete = null;
        Message = message;
    }

    private TopAction HandlePrompt(TopKey key)
    {
        switch (key.Kind)
        {
            case TopKeyKind.Escape:
                Mode = TopMode.Table;
                return TopAction.None;
            case TopKeyKind.Backspace:
                if (PromptText.Length > 0)
                    PromptText = PromptText[..^1];
                return TopAction.None;
            case TopKeyKind.Character when key.Character != '\0':
                PromptText += key.Character;
                return TopAction.None;
            case TopKeyKind.Enter:
                TopMode prompt = Mode;
                Mode = TopMode.Table;
                return prompt == TopMode.FilterPrompt ? TopAction.ApplyFilter : ApplyRefresh();
            default:
                return TopAction.None;
        }
    }

    private TopAction ApplyRefresh()
    {
        if (TopRefresh.TryParse(PromptText, out TimeSpan refresh))
            Refresh = refresh;
        else
            Message = $"refresh: not a number of seconds from 0.1 to 3600: {PromptText}";
        return TopAction.None;
    }

    private void MoveCursor(int by, int visibleRows, int totalRows)
    {
        Cursor = totalRows == 0 ? 0 : Math.Clamp(Cursor + by, 0, totalRows - 1);
        int page = Math.Max(1, visibleRows);
        if (Cursor < Scroll)
            Scroll = Cursor;
        else if (Cursor >= Scroll + page)
            Scroll = Cursor - page + 1;
        Scroll = Math.Clamp(Scroll, 0, Math.Max(0, totalRows - page));
    }
}
