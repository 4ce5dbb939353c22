namespace NetCt.Cli.Health;

/// <summary>Rows of cells printed in aligned columns: text left-aligned, numbers right-aligned, two spaces apart.</summary>
internal sealed class TextTable(params bool[] rightAligned)
{
    private readonly List<(string[] Cells, Func<string, string>? Paint)> _rows = [];

    /// <summary>Adds a row; <paramref name="paintFirst"/> colours the first cell after padding.</summary>
    public void Add(string[] cells, Func<string, string>? paintFirst = null) => _rows.Add((cells, paintFirst));

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = new int[rightAligned.Length];
        foreach (var (cells, _) in _rows)
        {
            for (int i = 0; i < cells.Length; i++)
                widths[i] = Math.Max(widths[i], cells[i].Length);
        }
        foreach (var (cells, paint) in _rows)
        {
            var line = new System.Text.StringBuilder(indent);
            for (int i = 0; i < cells.Length; i++)
            {
                bool last = i == cells.Length - 1;
                string cell = rightAligned[i] ? cells[i].PadLeft(widths[i]) : last ? cells[i] : cells[i].PadRight(widths[i]);
                line.Append(i == 0 && paint is not null ? paint(cell) : cell);
                if (!last)
                    line.Append("  ");
            }
            writer.Write(line.ToString().TrimEnd());
            writer.Write('\n');
        }
    }
}
