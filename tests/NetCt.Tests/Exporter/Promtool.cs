namespace NetCt.Tests.Exporter;

/// <summary>
/// Prometheus' own checker of the text format, <c>promtool check metrics</c> (Debian's prometheus
/// package; tests/setup/ensure-deps.sh installs it). A missing promtool fails the test: the format's
/// own checker is what the writer is judged by.
/// </summary>
internal static class Promtool
{
    public static (int ExitCode, string Output) CheckMetrics(string exposition) => Run(["check", "metrics"], exposition);

    /// <summary><c>promtool check rules FILE</c> or <c>check config FILE</c>.</summary>
    public static (int ExitCode, string Output) Check(string what, string path) => Run(["check", what, path], "");

    private static (int ExitCode, string Output) Run(string[] arguments, string input)
    {
        var result = ExternalTool.Run("promtool", arguments, "run tests/setup/ensure-deps.sh (Debian package prometheus)", input);
        return (result.ExitCode, result.Output + result.Errors);
    }
}
