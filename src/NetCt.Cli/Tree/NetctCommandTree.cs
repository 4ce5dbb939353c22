using System.CommandLine;
using NetCt.Cli.Commands;

namespace NetCt.Cli.Tree;

/// <summary>
/// netct's own commands (<c>netct timeout</c>, <c>netct health</c>, …) on System.CommandLine: built only
/// when <see cref="NetctCommandWords.StartsTree"/> says the line is theirs.
/// </summary>
internal static class NetctCommandTree
{
    /// <summary>Each feature's command, in the order of <see cref="NetctCommandWords.All"/>.</summary>
    private static readonly Func<CommandContext, NetctCommand>[] Features = [Timeouts.TimeoutCommand.Create, Health.HealthCommand.Create, Top.TopCommand.Create, Exporter.ExporterCommand.Create];

    public static RootCommand Build(CommandContext context)
    {
        var root = new RootCommand(
            "netct's own commands. A command line that does not start with one of them is read as conntrack(8) "
            + "reads it (see netct -h); started as nfct, netct reads nfct(8)'s command lines.")
        {
            // The same name whatever the binary is called (a test host, a renamed copy).
            HelpName = ProgramIdentity.Name,
        };
        // `netct --version` is conntrack's -V; the tree has no version of its own to show.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        foreach (var create in Features)
            root.Subcommands.Add(create(context));
        root.Subcommands.Add(HelpCommand.Create(root, context));
        return root;
    }

    public static int Run(string[] args, CommandContext context)
    {
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return UsageProblem.Report(parsed, context);

        var help = new StringWriter();
        int exitCode = parsed.Invoke(new InvocationConfiguration
        {
            Output = help,
            Error = context.Errors,
            // A command reports its own failures in one line; nothing may reach the user as a stack trace.
            EnableDefaultExceptionHandler = false,
        });
        if (help.GetStringBuilder().Length > 0)
            context.Output.WriteUtf8(help.ToString());
        context.Output.Flush();
        return exitCode;
    }
}
