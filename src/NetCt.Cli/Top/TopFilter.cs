using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Conntrack;

namespace NetCt.Cli.Top;

/// <summary>
/// <c>netct top</c>'s filter: conntrack's own <c>-L</c> filter options, read by conntrack's parser
/// as if they followed <c>-L</c>, so <c>netct top -p udp --dport 53</c> selects what
/// <c>netct -L -p udp --dport 53</c> lists. The same on the command line and at the <c>/</c> prompt.
/// </summary>
internal static class TopFilter
{
    /// <summary>The filter of <paramref name="words"/>, or null with the problem conntrack would report.</summary>
    public static FlowFilter? Parse(IReadOnlyList<string> words, out string? problem)
    {
        problem = null;
        if (words.Count == 0)
            return new FlowFilter();
        var session = new ParseSession(ParserEnvironment.Default);
        try
        {
            ParsedCommand command = new CommandParser(session).Parse([ProgramIdentity.Name, "-L", .. words]);
            if (command.Command != CommandKind.List)
            {
                problem = "only -L filter options are allowed";
                return null;
            }

            return FlowFilterBuilder.Build(command);
        }
        catch (ParameterException e)
        {
            problem = e.Error.Message;
            return null;
        }
    }

    /// <summary>The words of a filter typed at the prompt (split at blanks; conntrack's options take no quoted values).</summary>
    public static string[] Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
