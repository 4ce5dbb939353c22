using NetCt.Cli.Tree;
using NetCt.Tests.Commands;

namespace NetCt.Tests.Health;

/// <summary>netct health's command line: a wrong one is UNKNOWN (3) with one line, as a monitoring plugin's.</summary>
public sealed class HealthCommandTests
{
    [Theory]
    [InlineData(new[] { "health", "--warn", "95", "--crit", "90" }, "--warn must not be above --crit (see `netct help health')\n")]
    [InlineData(new[] { "health", "--warn", "0" }, "--warn and --crit must be percentages above 0 and at most 100 (see `netct help health')\n")]
    [InlineData(new[] { "health", "--crit", "101" }, "--warn and --crit must be percentages above 0 and at most 100 (see `netct help health')\n")]
    [InlineData(new[] { "health", "--interval", "-1" }, "--interval must be between 0 and 3600 seconds (see `netct help health')\n")]
    [InlineData(new[] { "health", "--top", "0" }, "--top must be between 1 and 1000 (see `netct help health')\n")]
    [InlineData(new[] { "health", "--interval", "soon" }, "--interval: `soon' is not a number (see `netct help health')\n")]
    [InlineData(new[] { "health", "--warn", "lots" }, "--warn: `lots' is not a number (see `netct help health')\n")]
    [InlineData(new[] { "health", "--top", "2.5" }, "--top: `2.5' is not a whole number (see `netct help health')\n")]
    public void ABadValueIsUnknown(string[] args, string message)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(args, context));

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(message, run.Stderr);
    }

    [Theory]
    [InlineData("--nosuch")]
    [InlineData("-o", "xml")]
    [InlineData("--warn", "lots")]
    public void AWrongCommandLineIsUnknown(params string[] rest)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["health", .. rest], context));

        Assert.Equal(3, run.ExitCode);
        Assert.EndsWith("(see `netct help health')\n", run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void HelpNamesTheExitCodesAndOptions()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["help", "health"], context));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN", run.Stdout);
        foreach (string option in new[] { "--interval", "--warn", "--crit", "--top", "--output", "--netns" })
            Assert.Contains(option, run.Stdout);
    }

    [Fact]
    public void AMissingNamespaceIsOneLineAndUnknown()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["health", "--netns", "netct-no-such-namespace"], context));

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("network namespace `netct-no-such-namespace' does not exist (/run/netns/netct-no-such-namespace)\n", run.Stderr);
    }
}
