using NetCt.Cli.Commands;

namespace NetCt.Cli.Nfct;

/// <summary>
/// netct started as <c>nfct</c> (<c>ln -s netct nfct</c>): nfct 1.4.8's command line,
/// <c>nfct COMMAND SUBSYSTEM [PARAMETERS]</c> or the older <c>nfct SUBSYSTEM COMMAND …</c>.
/// </summary>
internal static class NfctProgram
{
    public const string Name = "nfct";

    /// <summary>Whether argv[0] names nfct (its basename is <c>nfct</c>).</summary>
    public static bool IsStartedAs(string programPath) => Path.GetFileName(programPath) == Name;

    /// <param name="args">The arguments after argv[0].</param>
    /// <param name="context">Output, messages and argv[0].</param>
    public static int Run(string[] args, CommandContext context)
    {
        var line = new NfctLine(context.ProgramPath, args);
        if (args.Length < 2)
        {
            return Usage(context);
        }

        string? command = NfctWords.Match(NfctWords.Commands, args[0]);
        string? subsystem;
        if (command is null)
        {
            // nfct still accepts the subsystem first, as before its syntax followed nft's.
            subsystem = NfctWords.Match(NfctWords.Subsystems, args[0]);
            if (subsystem is null)
            {
                return UnknownWord(context, "Unknown subsystem: " + args[0]);
            }

            command = NfctWords.Match(NfctWords.Commands, args[1]);
            if (command is null)
            {
                return UnknownWord(context, "Unknown command: " + args[0]);
            }
        }
        else
        {
            subsystem = NfctWords.Match(NfctWords.Subsystems, args[1]);
            if (subsystem is null)
            {
                return UnknownWord(context, "Unknown subsystem: " + args[0]);
            }
        }

        return subsystem switch
        {
            "version" => NfctTexts.Version(context),
            "help" => NfctTexts.Help(context),
            "timeout" => NfctTimeoutCommand.Run(line, command, NfctOutputFormat.Text, context),
            _ => NfctHelperCommand.Run(line, command, context),
        };
    }

    private static int UnknownWord(CommandContext context, string message)
    {
        Messages.Write(context.Errors, message);
        return Usage(context);
    }

    private static int Usage(CommandContext context)
    {
        context.Errors.Write($"Usage: {context.ProgramPath} command subsystem [parameters]...\n");
        return ExitCodes.OtherProblem;
    }
}
