using NetCt.Cli.Commands;

namespace NetCt.Cli.Exporter;

/// <summary>
/// The exporter's stderr: one line per problem, from any thread. A problem that repeats at every
/// scrape (a namespace the kernel refuses) is said once, and again only after it went away.
/// </summary>
internal sealed class ExporterLog(TextWriter errors)
{
    private readonly Dictionary<string, string> _lastProblem = [];

    /// <summary>stderr, safe to write from several threads.</summary>
    public TextWriter Errors { get; } = TextWriter.Synchronized(errors);

    public void Write(string message) => Messages.Write(Errors, "exporter: " + message);

    /// <summary>A problem with one namespace (null: netct's own, unlabelled).</summary>
    public void Problem(string? netns, string message)
    {
        lock (_lastProblem)
        {
            if (_lastProblem.TryGetValue(netns ?? "", out string? last) && last == message)
                return;
            _lastProblem[netns ?? ""] = message;
        }

        Write(netns is null ? message : $"netns {netns}: {message}");
    }

    /// <summary>The namespace works again: its next problem is worth a line even if it is the same as before.</summary>
    public void Recovered(string? netns)
    {
        lock (_lastProblem)
            _lastProblem.Remove(netns ?? "");
    }
}
