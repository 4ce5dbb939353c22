namespace NetCt.Cli.Health;

/// <summary>
/// Colour for the status words, only on a terminal and only when NO_COLOR is unset or empty
/// (https://no-color.org): a pipe, a file or a monitoring system gets plain text.
/// </summary>
internal sealed class TerminalStyle(bool colour)
{
    private const string Reset = "\e[0m";

    public static TerminalStyle Plain { get; } = new(false);

    public static TerminalStyle For(bool isTerminal, string? noColor) => new(isTerminal && string.IsNullOrEmpty(noColor));

    /// <summary><paramref name="text"/> (already padded, so colour codes do not disturb the alignment) in the status's colour.</summary>
    public string Paint(MonitoringStatus status, string text) => !colour ? text : status switch
    {
        MonitoringStatus.Ok => "\e[32m" + text + Reset,
        MonitoringStatus.Warning => "\e[33m" + text + Reset,
        MonitoringStatus.Critical => "\e[1;31m" + text + Reset,
        _ => "\e[35m" + text + Reset,
    };

    public string Heading(string text) => colour ? "\e[1m" + text + Reset : text;
}
