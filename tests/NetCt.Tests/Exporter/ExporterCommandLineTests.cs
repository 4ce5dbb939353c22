using NetCt.Cli.Commands;
using NetCt.Cli.Exporter;
using NetCt.Cli.Tree;
using NetCt.Tests.Commands;

namespace NetCt.Tests.Exporter;

/// <summary><c>netct exporter</c>'s command line: what it refuses, in one line, before it opens anything.</summary>
public sealed class ExporterCommandLineTests
{
    [Theory]
    [InlineData(new[] { "exporter", "--listen", "nonsense" }, "--listen: `nonsense' is not ADDR:PORT (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--listen", "192.0.2.1" }, "--listen: `192.0.2.1' is not ADDR:PORT (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--listen", ":0" }, "--listen: `:0' is not ADDR:PORT (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--top-sources", "0" }, "--top-sources: K must be between 1 and 1000 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--top-sources", "abc" }, "--top-sources: K must be between 1 and 1000 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--top-sources", "2.5" }, "--top-sources: K must be between 1 and 1000 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--event-buffer", "-1" }, "--event-buffer: BYTES must be between 1 and 2147483647 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--event-buffer", "abc" }, "--event-buffer: BYTES must be between 1 and 2147483647 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--event-buffer", "2147483648" }, "--event-buffer: BYTES must be between 1 and 2147483647 (see `netct help exporter')\n")]
    [InlineData(new[] { "exporter", "--all-netns", "--netns", "a" }, "--all-netns and --netns exclude each other (see `netct help exporter')\n")]
    public void ABadCommandLineIsOneLineAndExit2(string[] args, string stderr)
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(args, context));

        Assert.Equal(ExitCodes.ParameterProblem, run.ExitCode);
        Assert.Equal(stderr, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void ANamespaceThatDoesNotExistIsAParameterProblem()
    {
        var run = CommandRun.Of(context => NetctCommandTree.Run(["exporter", "--netns", "/nonexistent/netct-test"], context));

        Assert.Equal(ExitCodes.ParameterProblem, run.ExitCode);
        Assert.Equal("exporter: netns /nonexistent/netct-test: network namespace `/nonexistent/netct-test' does not exist (/nonexistent/netct-test)\n", run.Stderr);
    }

    [Theory]
    [InlineData(":19100", "[::]:19100")]
    [InlineData("127.0.0.1:9", "127.0.0.1:9")]
    [InlineData("[2001:db8::1]:19100", "[2001:db8::1]:19100")]
    public void ListenTakesAddressAndPort(string text, string endpoint)
    {
        Assert.True(ListenAddress.TryParse(text, out var parsed));
        Assert.Equal(endpoint, parsed!.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData(":65536")]
    [InlineData("2001:db8::1")]
    [InlineData("[2001:db8::1]")]
    [InlineData("localhost:80")]
    public void ListenRefusesTheRest(string text) => Assert.False(ListenAddress.TryParse(text, out _));
}
