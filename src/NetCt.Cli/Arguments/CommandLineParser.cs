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
            // Like conntrack, -R is only recognised as the first word with a file name after it;
            // anything after the file name is ignored.
            if (args.Count >= 2 && args[0] is "-R" or "--load-file")
                return ParseOutcome.LoadFile(ParseLoadFile(args[1], session), session.Diagnostics);
            var command = new CommandParser(session).Parse([environment.ProgramName, .. args]);
            return ParseOutcome.Single(command, session.Diagnostics);
        }
        catch (ParameterException e)
        {
            return ParseOutcome.Failure(e.Error, session.Diagnostics);
        }
    }

    private static List<ParsedCommand> ParseLoadFile(string file, ParseSession session)
    {
        string path = file == "-" ? "/dev/stdin" : file;
        var commands = new List<ParsedCommand>();
        using (var reader = session.Environment.OpenLoadFile(path)
            ?? throw ParameterException.Problem($"Failed to open file {path} for reading"))
        {
            foreach (string piece in LoadFileLine.ReadPieces(reader))
            {
                if (LoadFileLine.Split(piece) is { } words)
                    commands.Add(new CommandParser(session).Parse([session.Environment.ProgramName, .. words]));
            }
        }

        foreach (var command in commands)
        {
            if (command.Command is not (CommandKind.Create or CommandKind.Add or CommandKind.Update or CommandKind.Delete or CommandKind.Flush))
                throw ParameterException.Problem($"Cannot use command `{LoadFileName(command.Command)}' with --load-file");
        }
        // conntrack's output flags and label map are global: every line runs with all of them.
        return commands.ConvertAll(command => command with { Output = session.Output, Labels = session.Labels });
    }

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
