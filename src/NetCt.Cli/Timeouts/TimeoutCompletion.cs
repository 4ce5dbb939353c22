using System.CommandLine.Completions;
using NetCt.Cli.Nfct;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Timeouts;

/// <summary>Suggestions for the words of <c>netct timeout</c>: families, protocols, then the protocol's states.</summary>
internal static class TimeoutCompletion
{
    private static readonly string[] Families = ["inet", "inet6"];

    private static readonly string[] Protocols = ["tcp", "udp", "udplite", "icmp", "icmpv6", "sctp", "dccp", "gre", "generic"];

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
            return Protocols;
        }

        bool stateWord = form != "default-get" && (position - familyAt - 2) % 2 == 0;
        return stateWord ? States(before[familyAt + 1]) : [];
    }

    private static IEnumerable<string> States(string protocol)
    {
        byte? number = protocol switch
        {
            "tcp" => IpProtocols.IPPROTO_TCP,
            "udp" => IpProtocols.IPPROTO_UDP,
            "udplite" => IpProtocols.IPPROTO_UDPLITE,
            "icmp" => IpProtocols.IPPROTO_ICMP,
            "icmpv6" => IpProtocols.IPPROTO_ICMPV6,
            "sctp" => IpProtocols.IPPROTO_SCTP,
            "dccp" => IpProtocols.IPPROTO_DCCP,
            "gre" => IpProtocols.IPPROTO_GRE,
            "generic" => TimeoutProtocols.Generic,
            _ => null,
        };
        return number is { } known ? NfctStates.For(known).Select(state => state.ToLowerInvariant()) : [];
    }
}
