using System.CommandLine;
using NetCt.Cli.Commands;
using NetCt.Cli.Tree;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>
/// <c>netct top [FILTER…] [--sort COL] [--group BY] [--refresh S] [--netns NS] [--once [-o json]]</c>:
/// the live view of the table. Tokens that are not top's own options are conntrack's <c>-L</c>
/// filters, read by conntrack's parser (<see cref="TopFilter"/>).
/// </summary>
internal static class TopCommand
{
    public const string Name = "top";

    public static NetctCommand Create(CommandContext context)
    {
        var sort = new Option<string>("--sort")
        {
            Description = "Sort the entries by: " + string.Join(", ", TopNames.Sorts.Select(s => s.Name)) + " (a trailing - reverses: ttl-)",
            HelpName = "COLUMN",
            DefaultValueFactory = _ => "src",
        };
        sort.CompletionSources.Add(TopNames.Sorts.Select(s => s.Name).ToArray());
        var group = new Option<string>("--group")
        {
            Description = "Show groups instead of entries: " + string.Join(", ", TopNames.Groupings.Select(g => g.Name)),
            HelpName = "BY",
            DefaultValueFactory = _ => "none",
        };
        group.CompletionSources.Add(TopNames.Groupings.Select(g => g.Name).ToArray());
        var refresh = new Option<string>("--refresh")
        {
            Description = "Redraw every SECONDS (0.1 to 3600, default 1)",
            HelpName = "SECONDS",
        };
        var once = new Option<bool>("--once") { Description = "Print one snapshot and exit (plain text, or JSON with -o json)" };
        var format = new Option<string>("-o", "--output") { Description = "With --once: json", HelpName = "json" };
        format.CompletionSources.Add("json");
        var netns = NetnsTreeOption.Create();
        var command = new NetctCommand(Name, "The live view of the table (iptstate's keys; conntrack's -L filters, e.g. netct top -p udp --dport 53)")
        {
            sort, group, refresh, once, format, netns,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parsed => Run(parsed, context, sort, group, refresh, once, format, netns));
        return command;
    }

    private static int Run(ParseResult parsed, CommandContext context, Option<string> sort, Option<string> group, Option<string> refresh,
        Option<bool> once, Option<string> format, Option<string> netns)
    {
        if (Settings(parsed, sort, group, refresh, out string? problem) is not { } settings)
            return Usage(context, problem!);
        bool json = false;
        if (parsed.GetValue(format) is { } output)
        {
            if (output != "json" || !parsed.GetValue(once))
                return Usage(context, output != "json" ? $"-o {output}: top prints only json (-o json)" : "-o json needs --once");
            json = true;
        }

        string? namespaceName = parsed.GetValue(netns);
        if (NetnsTreeOption.Enter(parsed, netns, context) is int failed)
            return failed;
        if (parsed.GetValue(once))
            return RunOnce(settings, json, context);
        if (context.StandardOutputKind != Output.StandardOutputKind.Terminal)
            return Usage(context, "standard output is not a terminal: use --once for a snapshot (plain text, or -o json)");
        using TopTerminal? terminal = TopTerminal.Open();
        if (terminal is null)
            return Usage(context, "standard input is not a terminal: use --once for a snapshot");
        // setns(2) moves one thread: the feed's thread enters the namespace the main thread entered.
        NamespaceSockets? entered = null;
        if (namespaceName is not null)
        {
            entered = NamespaceSockets.OfCurrentThread(out string? holdProblem);
            if (entered is null)
            {
                Messages.Write(context.Errors, $"can't hold network namespace `{namespaceName}' for the event reader: {holdProblem}");
                return ExitCodes.OtherProblem;
            }
        }

        using (entered)
        {
            return new TopSession(settings, entered is null ? null : entered.EnterOnCurrentThread, AnsiScreenWriter.ColourAllowed(Environment.GetEnvironmentVariable("NO_COLOR")))
                .Run(terminal, context);
        }
    }

    private static TopSettings? Settings(ParseResult parsed, Option<string> sort, Option<string> group, Option<string> refresh, out string? problem)
    {
        problem = null;
        string sortName = parsed.GetValue(sort)!;
        bool descending = sortName.EndsWith('-');
        sortName = sortName.TrimEnd('-');
        int sortIndex = Array.FindIndex(TopNames.Sorts, s => s.Name == sortName);
        int groupIndex = Array.FindIndex(TopNames.Groupings, g => g.Name == parsed.GetValue(group));
        TimeSpan interval = TopRefresh.Default;
        if (sortIndex < 0)
            problem = $"--sort {sortName}: not one of {string.Join(", ", TopNames.Sorts.Select(s => s.Name))}";
        else if (groupIndex < 0)
            problem = $"--group {parsed.GetValue(group)}: not one of {string.Join(", ", TopNames.Groupings.Select(g => g.Name))}";
        else if (parsed.GetValue(refresh) is { } seconds && !TopRefresh.TryParse(seconds, out interval))
            problem = $"--refresh {seconds}: not a number of seconds from 0.1 to 3600";
        if (problem is not null)
            return null;

        IReadOnlyList<string> words = parsed.UnmatchedTokens;
        if (TopFilter.Parse(words, out string? filterProblem) is not { } filter)
        {
            problem = filterProblem;
            return null;
        }

        return new TopSettings(filter, string.Join(' ', words), TopNames.Sorts[sortIndex].Key, descending, TopNames.Groupings[groupIndex].Kind, interval);
    }

    private static int RunOnce(TopSettings settings, bool json, CommandContext context)
    {
        var table = new LiveTable(new LiveTableOptions { Filter = settings.Filter });
        using var client = new ConntrackClient();
        table.Reconcile(client.DumpReusingEntry(table.Filter), isResync: false);
        var state = new TopState(settings) { ShowCounters = TopMeasurements.AccountingOn() };
        var measurements = new TopMeasurements(table, client);
        measurements.Take();
        TopFrame frame = measurements.Frame(loaded: true, entries: null, groups: null);
        if (json)
            TopOnce.WriteJson(context.Output, table, state, frame);
        else
            TopOnce.WriteText(context.Output, table, state, frame);
        context.Output.Flush();
        return ExitCodes.Success;
    }

    private static int Usage(CommandContext context, string problem)
    {
        Messages.Write(context.Errors, $"{problem} (see `netct help top')");
        return ExitCodes.ParameterProblem;
    }
}
