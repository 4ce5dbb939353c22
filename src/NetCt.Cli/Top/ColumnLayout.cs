namespace NetCt.Cli.Top;

/// <summary>
/// Lays cells out in columns: each column as wide as its widest cell, one blank between columns;
/// when that is wider than the screen, the widest columns (addresses) give up width first and their
/// cells are cut with a <c>+</c> at the end, as iptstate marks truncated names.
/// </summary>
internal static class ColumnLayout
{
    public static int[] Widths(IReadOnlyList<string[]> rows, int available)
    {
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var widths = new int[columns];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < columns; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        }

        int total = widths.Sum() + Math.Max(0, columns - 1);
        while (total > available)
        {
            int widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= 4)
                break;
            widths[widest]--;
            total--;
        }

        return widths;
    }

    public static string Line(string[] cells, int[] widths)
    {
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                line.Append(' ');
            string cell = cells[i];
            if (cell.Length > widths[i])
                cell = string.Concat(cell.AsSpan(0, widths[i] - 1), "+");
            line.Append(i == cells.Length - 1 ? cell : cell.PadRight(widths[i]));
        }

        return line.ToString();
    }
}
