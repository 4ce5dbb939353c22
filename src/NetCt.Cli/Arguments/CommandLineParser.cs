namespace NetCt.Cli.Arguments;

/// <summary>
/// The entry point: conntrack 1.4.8's command line, parsed and checked as conntrack does before it
/// talks to the kernel, including <c>-R FILE</c> (every line is parsed before any runs).
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Parses the program's arguments (without the program name).</summary>
    public static ParseOutcome Parse(string[] args) => Parse(args, ParserEnvironment.Default);

    public static ParseOutcome Parse(IReadOnlyList<string> args, ParserEnvironment environment)
    {
        var session = new ParseSession(environment);
        try
        {
            (args, string? networkNamespace) = NetnsOption.Extract(args);
            // Like conntrack, -R is only recognised as the first word with a file name after it;
            // anything after the file name is ignored.
            if (args.Count >= 2 && args[0] is "-R" or "--load-file")
                return ParseOutcome.LoadFile(ParseLoadFile(args[1], session), [.. session.Diagnostics]).InNetworkNamespace(networkNamespace);
            var command = new CommandParser(session).Parse([environment.ProgramName, .. args]);
            return ParseOutcome.Single(command, session.Diagnostics).InNetworkNamespace(networkNamespace);
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
    private static LoadFileCommands ParseLoadFile(string file, ParseSession session)
    {
        string path = file == "-" ? "/dev/stdin" : file;
        char[] text;
        int textLength;
        using (var reader = session.Environment.OpenLoadFile(path)
            ?? throw ParameterException.Problem($"Failed to open file {path} for reading"))
        {
            (text, textLength) = ReadAll(reader, session.Environment.MaxLoadFileLength)
                ?? throw ParameterException.Problem($"File {path} is too large for --load-file (more than {session.Environment.MaxLoadFileLength} characters)");
        }

        var commands = new List<LoadFileCommands.Location>();
        var problems = new LoadFileProblems(path);
        int line = 1;
        foreach (var (start, length) in LoadFileLine.Pieces(text.AsMemory(0, textLength)))
        {
            var piece = text.AsSpan(start, length);
            try
            {
                if (ParseLoadFileLine(piece, session) is { } parsed)
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
    internal static ParsedCommand? ParseLoadFileLine(ReadOnlySpan<char> piece, ParseSession session) =>
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
