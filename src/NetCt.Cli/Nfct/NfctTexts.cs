using NetCt.Cli.Commands;

namespace NetCt.Cli.Nfct;

/// <summary>nfct's <c>version</c> and <c>help</c> texts, on stdout, with netct's name and version in the first line.</summary>
internal static class NfctTexts
{
    private const string Title = ": utility for the Netfilter's Connection Tracking System\n";

    // nfct's disclaimer without its copyright line, which names nfct's author, not netct's.
    private const string Disclaimer =
        "This program comes with ABSOLUTELY NO WARRANTY.\n"
        + "This is free software, and you are welcome to redistribute it under certain \n"
        + "conditions; see LICENSE file distributed in this package for details.\n";

    private const string Subsystems =
        "Subsystem:\n"
        + "  helper\t\tAllows to configure user-space helper\n"
        + "  timeout\t\tAllows definition of fine-grain timeout policies\n"
        + "  version\t\tDisplay version and disclaimer\n"
        + "  help\t\t\tDisplay this help message\n"
        + "Commands:\n"
        + "  list [reset]\t\tList the accounting object table (and reset)\n"
        + "  add object-name\tAdd new accounting object to table\n"
        + "  delete object-name\tDelete existing accounting object\n"
        + "  get object-name\tGet existing accounting object\n"
        + "  disable\t\tDisable queueing packets to userspace for helper inspection\n"
        + "  default-set\t\tSet default timeouts\n"
        + "  default-get\t\tGet default timeouts\n"
        + "  flush\t\t\tFlush accounting object table\n";

    public static int Version(CommandContext context)
    {
        context.Output.WriteUtf8(ProgramIdentity.VersionLine + Title + Disclaimer);
        return ExitCodes.Success;
    }

    public static int Help(CommandContext context)
    {
        context.Output.WriteUtf8($"{ProgramIdentity.VersionLine}{Title}Usage: {context.ProgramPath} command [parameters]...\n\n{Subsystems}");
        return ExitCodes.Success;
    }
}
