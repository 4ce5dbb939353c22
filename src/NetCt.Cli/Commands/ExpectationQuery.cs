using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>The expectation <c>-G expect</c> and <c>-D expect</c> name: the tuple of <c>-s -d -p --sport --dport</c> as the expected tuple.</summary>
internal static class ExpectationQuery
{
    // The reply ports these commands require are not sent, as by conntrack.
    public static Expectation From(ParsedCommand command) =>
        new() { Family = command.Family, Tuple = command.Entry.Original };
}
