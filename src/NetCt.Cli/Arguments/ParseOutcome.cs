namespace NetCt.Cli.Arguments;

/// <summary>
/// The result of <see cref="CommandLineParser.Parse(string[])"/>: the command (or, for <c>-R</c>, the
/// file to read, and once <c>LoadFile.LoadFileParser</c> has read it the commands of the file
/// in order) or the error, plus warnings conntrack prints on stderr as it parses (print
/// <see cref="Diagnostics"/> first in both cases).
/// </summary>
internal sealed class ParseOutcome
{
    private ParseOutcome(IReadOnlyCollection<ParsedCommand> commands, bool isLoadFile, ParameterError? error, IReadOnlyList<string> diagnostics)
    {
        Commands = commands;
        IsLoadFile = isLoadFile;
        Error = error;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// The parsed commands: one for a command line, any number for a -R file (which may parse each
    /// line again as it is enumerated); empty on error and for a -R file not read yet.
    /// </summary>
    public IReadOnlyCollection<ParsedCommand> Commands { get; }

    /// <summary>Whether the commands come from -R/--load-file (no summary line per command, no failure when nothing matched).</summary>
    public bool IsLoadFile { get; }

    /// <summary>The file <c>-R</c> names, while it is still to be read; otherwise null.</summary>
    public string? LoadFilePath { get; private init; }

    /// <summary>The session the file's lines are to be parsed in (its flags and label map), with <see cref="LoadFilePath"/>.</summary>
    public ParseSession? LoadFileSession { get; private init; }

    /// <summary>The problem that stopped parsing, or null.</summary>
    public ParameterError? Error { get; }

    /// <summary>Lines for stderr, in order, printed before anything else (warnings, "nfct_labelmap_new: ...").</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>The <c>--netns</c> argument (a name under /run/netns or a path), or null to stay where netct runs.</summary>
    public string? NetworkNamespace { get; private set; }

    /// <summary>The single command of a command line.</summary>
    public ParsedCommand Command => Commands.Count == 1 && !IsLoadFile && LoadFilePath is null
        ? Commands.First()
        : throw new InvalidOperationException(Error is null ? "a -R file holds several commands" : "parsing failed");

    public static ParseOutcome Single(ParsedCommand command, IReadOnlyList<string> diagnostics) => new([command], false, null, diagnostics);

    /// <summary>A command line that is <c>-R FILE</c>: the parser says which file and leaves reading it to the loader.</summary>
    public static ParseOutcome LoadFileNamed(string path, ParseSession session) =>
        new([], false, null, session.Diagnostics) { LoadFilePath = path, LoadFileSession = session };

    /// <summary>The commands of a -R file, every line read and checked.</summary>
    public static ParseOutcome Loaded(IReadOnlyCollection<ParsedCommand> commands, IReadOnlyList<string> diagnostics) => new(commands, true, null, diagnostics);

    /// <summary>Records the <c>--netns</c> argument; returns this outcome.</summary>
    public ParseOutcome InNetworkNamespace(string? networkNamespace)
    {
        NetworkNamespace = networkNamespace;
        return this;
    }

    public static ParseOutcome Failure(ParameterError error, IReadOnlyList<string> diagnostics) => new([], false, error, diagnostics);
}
