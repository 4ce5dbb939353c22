using NetCt.Cli.Commands;
using NetCt.Cli.Tree;
using NetCt.Tests.Commands;

namespace NetCt.Tests.Timeouts;

/// <summary><c>netct timeout</c> on the command tree: nfct's refusals, and the suggestions the bash completion reads.</summary>
public sealed class TimeoutTreeTests
{
    [Theory]
    [InlineData(new[] { "timeout", "add", "x", "inet" }, "missing parameters\nsyntax: nfct add timeout name family protocol state1 timeout1 ...\n")]
    [InlineData(new[] { "timeout", "add", "x", "inet", "tcp", "established" }, "missing value for this timeout\n")]
    [InlineData(new[] { "timeout", "add", "x", "inet", "tcp", "-1", "1" }, "Wrong state name: `-1' for protocol `tcp'\n")]
    [InlineData(new[] { "timeout", "get" }, "missing timeout policy name\n")]
    [InlineData(new[] { "timeout", "delete", "a", "b" }, "too many arguments\n")]
    [InlineData(new[] { "timeout", "list", "x" }, "too many arguments\n")]
    [InlineData(new[] { "timeout", "default-get", "inet", "sctpx" }, "unknown layer 4 protocol\n")]
    public void WordsAreCheckedByNfctsRules(string[] args, string stderr)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(args, context));

        Assert.Equal((ExitCodes.OtherProblem, "", stderr), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void AnUnknownOutputFormatIsAUsageProblemWithNfctsExitCode()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["timeout", "list", "-o", "xml"], context));

        Assert.Equal(ExitCodes.OtherProblem, run.ExitCode);
        Assert.Contains("(see `netct help timeout list')", run.Stderr);
    }

    [Theory]
    [InlineData("netct timeout ", "add default-get default-set delete flush get list")]
    [InlineData("netct timeout add x ", "inet inet6")]
    [InlineData("netct timeout add x inet ", "dccp generic gre icmp icmpv6 sctp tcp udp udplite")]
    [InlineData("netct timeout add x inet sctp ", "closed cookie_echoed cookie_wait established shutdown_ack_sent shutdown_recd shutdown_sent")]
    [InlineData("netct timeout add x inet gre replied ", "")]
    [InlineData("netct timeout default-set inet6 icmpv6 ", "timeout")]
    [InlineData("netct timeout default-get inet ud", "udp udplite")]
    public void SuggestsFamiliesProtocolsAndStates(string line, string expected)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run([$"[suggest:{line.Length}]", line], context));

        var words = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(word => !word.StartsWith('-') && !word.StartsWith('/'));
        Assert.Equal(expected, string.Join(' ', words.Order(StringComparer.Ordinal)));
    }
}
