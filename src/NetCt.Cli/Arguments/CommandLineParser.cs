namespace NetCt.Cli.Arguments;

/// <summary>
/// The entry point: conntrack 1.4.8's command line, parsed and checked as conntrack does before it
/// talks to the kernel. For <c>-R FILE</c> it only says which file: reading and checking its lines
/// is <c>LoadFile.LoadFileParser</c>'s.
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
                return ParseOutcome.LoadFileNamed(args[1], session).InNetworkNamespace(networkNamespace);
            var command = new CommandParser(session).Parse([environment.ProgramName, .. args]);
            return ParseOutcome.Single(command, session.Diagnostics).InNetworkNamespace(networkNamespace);
        }
        catch (ParameterException e)
        {
            return ParseOutcome.Failure(e.Error, session.Diagnostics);
        }
    }
}
