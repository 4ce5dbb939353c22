using NetCt.Cli.Commands;
using NetCt.Cli.Tree;
using NetCt.Tests.Commands;

namespace NetCt.Tests.Tree;

/// <summary>netct's own command tree: which lines reach it, its help, and how it refuses a command line.</summary>
public sealed class NetctCommandTreeTests
{
    [Fact]
    public void TheCommandWordsAreExactlyTheTreesCommands()
    {
        var names = CommandRun.Of(context =>
        {
            Assert.Equal(NetctCommandWords.All, NetctCommandTree.Build(context).Subcommands.Select(command => command.Name));
            return 0;
        });
        Assert.Equal(0, names.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "help" }, true)]
    [InlineData(new[] { "help", "-L" }, true)]
    [InlineData(new[] { "[suggest:5]", "netct" }, true)]
    [InlineData(new[] { "-L" }, false)]
    [InlineData(new[] { "--help" }, false)]
    [InlineData(new[] { "Help" }, false)]
    [InlineData(new string[0], false)]
    public void OnlyACommandWordFirstStartsTheTree(string[] args, bool expected) =>
        Assert.Equal(expected, NetctCommandWords.StartsTree(args));

    [Fact]
    public void HelpListsEveryCommand()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["help"], context));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains("Usage:\n  netct [command] [options]", run.Stdout);
        foreach (string word in NetctCommandWords.All)
            Assert.Matches($"\n  {word} ", run.Stdout);
        Assert.DoesNotContain("--version", run.Stdout);
    }

    [Fact]
    public void HelpOfACommandIsItsDashDashHelp()
    {
        var viaHelp = CommandRun.Of(context => NetctCommandTree.Run(["help", "help"], context));
        var viaOption = CommandRun.Of(context => NetctCommandTree.Run(["help", "--help"], context));

        Assert.Equal(ExitCodes.Success, viaHelp.ExitCode);
        Assert.Contains("Usage:\n  netct help [<command>...] [options]", viaHelp.Stdout);
        Assert.Equal(viaOption.Stdout, viaHelp.Stdout);
    }

    [Fact]
    public void HelpOfAnUnknownCommandIsOneLineAndAParameterProblem()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["help", "nosuch"], context));

        Assert.Equal(ExitCodes.ParameterProblem, run.ExitCode);
        Assert.Equal("no such command: nosuch (see `netct help')\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    // The tree's commands promise one line for a bad command line; conntrack's grammar adds its
    // "Try" line (NetnsTests). Neither path leads to a namespace, so nothing is entered.
    [Theory]
    [InlineData(new[] { "top", "--once" }, "netct-no-such-namespace", ExitCodes.ParameterProblem, "network namespace `netct-no-such-namespace' does not exist (/run/netns/netct-no-such-namespace)\n")]
    [InlineData(new[] { "timeout", "list" }, "netct-no-such-namespace", ExitCodes.ParameterProblem, "network namespace `netct-no-such-namespace' does not exist (/run/netns/netct-no-such-namespace)\n")]
    [InlineData(new[] { "top", "--once" }, "/etc/hostname", ExitCodes.ParameterProblem, "`/etc/hostname' is not a network namespace\n")]
    [InlineData(new[] { "timeout", "list" }, "/etc/hostname", ExitCodes.ParameterProblem, "`/etc/hostname' is not a network namespace\n")]
    [InlineData(new[] { "health" }, "/etc/hostname", 3, "`/etc/hostname' is not a network namespace\n")]
    public void ANamespaceThatIsNotThereIsOneLine(string[] command, string netns, int exitCode, string stderr)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run([.. command, "--netns", netns], context));

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(stderr, run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
