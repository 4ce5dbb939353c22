using System.Text;

namespace NetCt.Cli.Top;

/// <summary>
/// Turns a <see cref="ScreenBuffer"/> into the bytes that draw it on a terminal: each row placed
/// with a cursor move and cleared to its end, styles as SGR attributes. Colour only when allowed
/// (a terminal, and no <c>NO_COLOR</c>); without it the cursor row and column names are still in
/// reverse video, which is not colour.
/// </summary>
internal static class AnsiScreenWriter
{
    public const string EnterFullScreen = "\e[?1049h\e[?25l\e[H\e[2J";
    public const string LeaveFullScreen = "\e[0m\e[?25h\e[?1049l";

    public static byte[] Draw(ScreenBuffer screen, bool colour)
    {
        var text = new StringBuilder(screen.Rows * (screen.Columns + 16));
        for (int row = 0; row < screen.Rows; row++)
        {
            text.Append("\e[").Append(row + 1).Append(";1H");
            RowStyle style = screen.Style(row);
            text.Append(Attributes(style, colour));
            ReadOnlySpan<char> line = screen.Row(row);
            // The highlight spans the row; other rows stop at their last character (writing the last
            // column of the last row would scroll some terminals).
            text.Append(style == RowStyle.Highlight ? line[..^1] : line.TrimEnd());
            text.Append("\e[0m\e[K");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Attributes(RowStyle style, bool colour) => style switch
    {
        RowStyle.Title => colour ? "\e[1;36m" : "\e[1m",
        RowStyle.ColumnHeader => "\e[7m",
        RowStyle.Highlight => colour ? "\e[1;7;34m" : "\e[7m",
        RowStyle.Status => colour ? "\e[33m" : "",
        _ => "",
    };

    /// <summary>Whether colour may be used: <c>NO_COLOR</c> unset or empty (https://no-color.org).</summary>
    public static bool ColourAllowed(string? noColor) => string.IsNullOrEmpty(noColor);
}
