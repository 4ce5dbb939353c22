using System.CommandLine.Completions;
using NetCt.Cli.Nfct;

namespace NetCt.Cli.Timeouts;

/// <summary>Suggestions for the words of <c>netct timeout</c>: families, protocols, then the protocol's states.</summary>
internal static class TimeoutCompletion
{
    private static readonly string[] Families = ["inet", "inet6"];

    public static IEnumerable<string> Suggest(string form, CompletionContext completion)
    {
        // The words before the one being completed: where it stands in FAMILY PROTOCOL STATE VALUE….
        string[] before = [.. completion.ParseResult.Tokens
            .SkipWhile(token => token.Value != form).Skip(1)
            .Select(token => token.Value)
            .Where(word => word != completion.WordToComplete || completion.WordToComplete.Length == 0)];
        int familyAt = form switch
        {
            "add" => 1,
            "default-set" or "default-get" => 0,
            _ => -1,
        };
        int position = before.Length;
        if (familyAt < 0 || position < familyAt)
        {
            return [];
        }

        if (position == familyAt)
        {
            return Families;
        }

        if (position == familyAt + 1)
        {
            return TimeoutProtocolNames.All.Select(entry => entry.Name);
        }

        bool stateWord = form != "default-get" && (position - familyAt - 2) % 2 == 0;
        return stateWord ? States(before[familyAt + 1]) : [];
    }

    private static IEnumerable<string> States(string protocol) =>
        TimeoutProtocolNames.NumberOf(protocol) is { } number ? NfctStates.For(number).Select(state => state.ToLowerInvariant()) : [];
}
