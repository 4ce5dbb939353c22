using System.Collections;
using NetCt.Cli.Arguments;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// The commands of a <c>-R</c> file, every one of them already parsed and checked once. Only the
/// file's text and where each command lies in it are kept: each enumeration parses the commands
/// again, one at a time, so that running a file of 200,000 lines never holds 200,000 parsed commands
/// (keeping them all alive costs the garbage collector several times what parsing them does).
/// </summary>
internal sealed class LoadFileCommands : IReadOnlyCollection<ParsedCommand>
{
    private readonly ParseSession _session;
    private readonly char[] _text;
    private readonly List<Location> _commands;

    /// <param name="session">The session the commands were checked in: its output flags and label map are every command's.</param>
    /// <param name="text">The file's text (and maybe room after it).</param>
    /// <param name="commands">Where each command lies in it.</param>
    public LoadFileCommands(ParseSession session, char[] text, List<Location> commands)
    {
        _session = session;
        _text = text;
        _commands = commands;
    }

    public int Count => _commands.Count;

    public IEnumerator<ParsedCommand> GetEnumerator()
    {
        foreach (var (start, length, line) in _commands)
        {
            var command = LoadFileParser.ParseLine(_text.AsSpan(start, length), _session)!;
            // Its warnings were printed when the file was checked.
            _session.Diagnostics.Clear();
            // conntrack's output flags and label map are global: every line runs with all of them.
            yield return command with { Output = _session.Output, Labels = _session.Labels, SourceLine = line };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Where one command lies in the file: a piece as fgets() reads it, and its 1-based line number.</summary>
    internal readonly record struct Location(int Start, int Length, int Line);
}
