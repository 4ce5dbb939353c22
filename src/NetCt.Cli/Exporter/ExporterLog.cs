using NetCt.Cli.Commands;

namespace NetCt.Cli.Exporter;

/// <summary>
/// The exporter's stderr: one line per problem, from any thread. A problem that repeats at every
/// scrape (a namespace the kernel refuses) is said once, and again only after it went away.
/// </summary>
internal sealed class ExporterLog(TextWriter errors)
{
    private readonly Dictionary<string, string> _lastProblem = [];

    // stderr, safe to write from several threads.
    private readonly TextWriter _errors = TextWriter.Synchronized(errors);

    public void Write(string message)
    {
        try
        {
            Messages.Write(_errors, "exporter: " + message);
        }
        catch (IOException)
        {
            // A service started with stderr closed or gone keeps serving: its log has nowhere to go.
        }
    }

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
