namespace NetCt.Cli.Arguments;

/// <summary>
/// The result of <see cref="CommandLineParser.Parse(string[])"/>: the command (or, for <c>-R</c>, the
/// commands of the file in order) or the error, plus warnings conntrack prints on stderr as it
/// parses (print <see cref="Diagnostics"/> first in both cases).
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
    /// The parsed commands: one for a command line, any number for a -R file (a <see cref="LoadFileCommands"/>,
    /// which parses each line again as it is enumerated); empty on error.
    /// </summary>
    public IReadOnlyCollection<ParsedCommand> Commands { get; }

    /// <summary>Whether the commands come from -R/--load-file (no summary line per command, no failure when nothing matched).</summary>
    public bool IsLoadFile { get; }

    /// <summary>The problem that stopped parsing, or null.</summary>
    public ParameterError? Error { get; }

    /// <summary>Lines for stderr, in order, printed before anything else (warnings, "nfct_labelmap_new: ...").</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>The <c>--netns</c> argument (a name under /run/netns or a path), or null to stay where netct runs.</summary>
    public string? NetworkNamespace { get; private set; }

    /// <summary>The single command of a command line.</summary>
    public ParsedCommand Command => Commands.Count == 1 && !IsLoadFile
        ? Commands.First()
        : throw new InvalidOperationException(Error is null ? "a -R file holds several commands" : "parsing failed");

    public static ParseOutcome Single(ParsedCommand command, IReadOnlyList<string> diagnostics) => new([command], false, null, diagnostics);

    public static ParseOutcome LoadFile(LoadFileCommands commands, IReadOnlyList<string> diagnostics) => new(commands, true, null, diagnostics);

    /// <summary>Records the <c>--netns</c> argument; returns this outcome.</summary>
    public ParseOutcome InNetworkNamespace(string? networkNamespace)
    {
        NetworkNamespace = networkNamespace;
        return this;
    }

    public static ParseOutcome Failure(ParameterError error, IReadOnlyList<string> diagnostics) => new([], false, error, diagnostics);
}
