using NetCt.Cli.Arguments;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// The bad lines of a <c>-R</c> file. conntrack 1.4.8 stops at the first and prints only its message,
/// with no line number; netct checks the whole file and reports that same message first (so the first
/// line of stderr is conntrack's), then every bad line as <c>FILE:LINE: message</c>, then the "Try"
/// line. Nothing in the file runs.
/// </summary>
internal sealed class LoadFileProblems(string path)
{
    private readonly List<(int Line, ParameterError Error)> _lines = [];

    // conntrack reports a line that fails to parse before any command it refuses with -R, as it
    // checks the commands only once every line has parsed.
    private ParameterError? _firstParseError;
    private ParameterError? _firstRefusal;

    public int Count => _lines.Count;

    public void AddParseError(int line, ParameterError error)
    {
        _firstParseError ??= error;
        _lines.Add((line, error));
    }

    public void AddRefusal(int line, ParameterError error)
    {
        _firstRefusal ??= error;
        _lines.Add((line, error));
    }

    /// <summary>The error to report: conntrack's message and exit code, followed by every bad line.</summary>
    public ParameterError ToError()
    {
        var first = _firstParseError ?? _firstRefusal
            ?? throw new InvalidOperationException("the file has no bad line");
        return first with { Details = [.. _lines.Select(bad => $"{path}:{bad.Line}: {bad.Error.Message}")] };
    }
}
