using NetCt.Cli.Arguments;
using NetCt.Cli.Libc;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// The parsing half of <c>-R FILE</c>: reads the file the command line named and parses and checks
/// every line, as conntrack does before it runs any.
/// </summary>
internal static class LoadFileParser
{
    /// <summary>
    /// The outcome with the file's commands when it names a -R file (or the file's error); any other
    /// outcome as it is.
    /// </summary>
    public static ParseOutcome Read(ParseOutcome outcome)
    {
        if (outcome.LoadFilePath is not { } file)
            return outcome;
        var session = outcome.LoadFileSession!;
        try
        {
            return ParseOutcome.Loaded(ReadLines(file, session), [.. session.Diagnostics]).InNetworkNamespace(outcome.NetworkNamespace);
        }
        catch (ParameterException e)
        {
            return ParseOutcome.Failure(e.Error, session.Diagnostics);
        }
    }

    /// <summary>
    /// Reads and checks every line, as conntrack does before it runs any; keeps only where each
    /// command lies in the text, for <see cref="LoadFileCommands"/> to parse again as they run.
    /// </summary>
    private static LoadFileCommands ReadLines(string file, ParseSession session)
    {
        string path = file == "-" ? "/dev/stdin" : file;
        char[] text;
        int textLength;
        using (var reader = session.Environment.OpenLoadFile(path)
            ?? throw ParameterException.Problem($"Failed to open file {path} for reading"))
        {
            try
            {
                (text, textLength) = ReadAll(reader, session.Environment.MaxLoadFileLength)
                    ?? throw ParameterException.Problem($"File {path} is too large for --load-file (more than {session.Environment.MaxLoadFileLength} characters)");
            }
            catch (IOException e)
            {
                // conntrack's fgets takes a read error for the end of the file and runs the lines before
                // it; netct runs no line of a file it could not read to its end.
                throw ParameterException.Problem($"Failed to read file {path}: {IoErrorText.Of(e)}");
            }
        }

        var commands = new List<LoadFileCommands.Location>();
        var problems = new LoadFileProblems(path);
        int line = 1;
        foreach (var (start, length) in LoadFileLine.Pieces(text.AsMemory(0, textLength)))
        {
            var piece = text.AsSpan(start, length);
            try
            {
                if (ParseLine(piece, session) is { } parsed)
                {
                    commands.Add(new LoadFileCommands.Location(start, length, line));
                    if (parsed.Command is not (CommandKind.Create or CommandKind.Add or CommandKind.Update or CommandKind.Delete or CommandKind.Flush))
                        problems.AddRefusal(line, new ParameterError($"Cannot use command `{LoadFileName(parsed.Command)}' with --load-file"));
                }
            }
            catch (ParameterException e)
            {
                problems.AddParseError(line, e.Error);
            }
            if (piece[^1] == '\n')
                line++;
        }

        if (problems.Count > 0)
            throw new ParameterException(problems.ToError());
        return new LoadFileCommands(session, text, commands);
    }

    // Into one array, sized from the file when it has a length: a file of 200,000 lines is 14 MB,
    // which ReadToEnd would copy through a StringBuilder into a string. Null when the file holds more
    // than maxLength characters.
    private static (char[] Text, int Length)? ReadAll(TextReader reader, int maxLength)
    {
        long size = reader is StreamReader { BaseStream.CanSeek: true } file ? file.BaseStream.Length : 0;
        var text = GC.AllocateUninitializedArray<char>((int)Math.Min(Math.Max(size + 1, 4096), (long)maxLength + 1));
        int length = 0;
        int read;
        while ((read = reader.Read(text, length, text.Length - length)) > 0)
        {
            length += read;
            if (length > maxLength)
                return null;
            if (length == text.Length)
                Array.Resize(ref text, (int)Math.Min(2L * text.Length, (long)maxLength + 1));
        }
        return (text, length);
    }

    /// <summary>One piece of a -R file parsed, or null for a blank line or a comment.</summary>
    public static ParsedCommand? ParseLine(ReadOnlySpan<char> piece, ParseSession session) =>
        LoadFileLine.Split(piece) is { } words
            ? new CommandParser(session).Parse([session.Environment.ProgramName, .. words])
            : null;

    // The names conntrack's ct_unsupp_cmd_parse_file table gives (-I expect is called "-C expect").
    private static string LoadFileName(CommandKind command) => command switch
    {
        CommandKind.List => "-L",
        CommandKind.Get => "-G",
        CommandKind.Event => "-E",
        CommandKind.Version => "-V",
        CommandKind.Help => "-h",
        CommandKind.ExpectList => "-L expect",
        CommandKind.ExpectCreate => "-C expect",
        CommandKind.ExpectDelete => "-D expect",
        CommandKind.ExpectGet => "-G expect",
        CommandKind.ExpectFlush => "-F expect",
        CommandKind.ExpectEvent => "-E expect",
        CommandKind.Count => "-C",
        CommandKind.ExpectCount => "-C expect",
        CommandKind.Stats => "-S",
        CommandKind.ExpectStats => "-S expect",
        _ => "unknown",
    };
}
