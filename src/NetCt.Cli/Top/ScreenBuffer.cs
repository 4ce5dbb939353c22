namespace NetCt.Cli.Top;

/// <summary>How a row of the screen is drawn.</summary>
internal enum RowStyle
{
    Normal,
    Title,
    ColumnHeader,
    Highlight,
    Status,
}

/// <summary>
/// A screen of fixed size: rows of exactly <see cref="Columns"/> characters with a style each. The
/// renderer writes here; <see cref="AnsiScreenWriter"/> sends it to the terminal and tests compare
/// its <see cref="Text"/> with golden screens.
/// </summary>
internal sealed class ScreenBuffer
{
    private readonly char[][] _rows;
    private readonly RowStyle[] _styles;

    public ScreenBuffer(int rows, int columns)
    {
        Rows = Math.Max(1, rows);
        Columns = Math.Max(1, columns);
        _rows = new char[Rows][];
        for (int i = 0; i < Rows; i++)
            _rows[i] = new string(' ', Columns).ToCharArray();
        _styles = new RowStyle[Rows];
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Writes <paramref name="text"/> on <paramref name="row"/> from the left, cut at the edge; the rest of the row is blank.</summary>
    public void Write(int row, string text, RowStyle style = RowStyle.Normal)
    {
        if (row < 0 || row >= Rows)
            return;
        Array.Fill(_rows[row], ' ');
        text.AsSpan(0, Math.Min(text.Length, Columns)).CopyTo(_rows[row]);
        _styles[row] = style;
    }

    public ReadOnlySpan<char> Row(int row) => _rows[row];

    public RowStyle Style(int row) => _styles[row];

    /// <summary>The screen as text: one line per row, trailing blanks cut.</summary>
    public string Text => string.Join('\n', _rows.Select(row => new string(row).TrimEnd()));
}
