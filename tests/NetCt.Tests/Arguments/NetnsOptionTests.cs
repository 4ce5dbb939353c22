using NetCt.Cli.Arguments;
using NetCt.Cli.LoadFile;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Arguments;

/// <summary>
/// <c>--netns</c>, netct's own option: taken out before conntrack's grammar runs, exact spelling only,
/// so every conntrack command line, prefix and error stays as it was (conntrack-1.4.8 answers every
/// use of --netns with "unknown option `--netns'").
/// </summary>
public class NetnsOptionTests
{
    [Theory]
    [InlineData("--netns x -L", "x")]
    [InlineData("-L --netns x -p tcp", "x")]
    [InlineData("-L --netns=/proc/1/ns/net", "/proc/1/ns/net")]
    [InlineData("--netns x -R /dev/null", "x")]
    [InlineData("-L", null)]
    [InlineData("-L -- --netns x", null)]
    public void The_namespace_is_taken_out_of_the_command_line(string commandLine, string? expected)
    {
        var outcome = Parse(commandLine);
        Assert.Null(outcome.Error);
        Assert.Equal(expected, outcome.NetworkNamespace);
    }

    [Fact]
    public void The_rest_parses_as_without_it()
    {
        var command = ParseCommand("-L --netns x -p tcp --dport 443 -o json");
        Assert.Equal(ParseCommand("-L -p tcp --dport 443 -o json").Options, command.Options);
        Assert.Equal((ushort)443, command.Entry.Original!.DestinationPort);
    }

    [Theory]
    [InlineData("-L --netns", "option `--netns' requires an argument")]
    [InlineData("-L --netns=", "option `--netns' requires an argument")]
    [InlineData("--netns a --netns=b -L", "option `--netns' given more than once")]
    // Prefixes are not netct's: they stay what getopt_long makes of conntrack's table.
    [InlineData("-L --netn x", "unknown option `--netn'")]
    [InlineData("-L --netnsx", "unknown option `--netnsx'")]
    public void Bad_uses_are_parameter_problems(string commandLine, string message)
    {
        AssertError(WithLabels, commandLine, message, 2, "");
    }

    [Fact]
    public void Conntracks_prefixes_are_unchanged()
    {
        // conntrack-1.4.8 -L --n 1: --n is --nat-range, the only long name starting with n, which
        // warns and lists; conntrack-1.4.8 -L --ne 1: "unknown option `--ne'".
        AssertAccepted(WithLabels, "-L --n 1", "WARNING: ignoring -a, deprecated option.\n");
        AssertError(WithLabels, "-L --ne 1", "unknown option `--ne'", 2, "");
    }

    [Fact]
    public void A_load_file_line_cannot_change_the_namespace()
    {
        // The namespace is the process's, entered once before the file runs: in a -R line --netns
        // stays what it is to conntrack.
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            OpenLoadFile = path => path == "rules" ? new StringReader("-F --netns x\n") : null,
        };
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(["--netns", "y", "-R", "rules"], environment));
        Assert.Equal("unknown option `--netns'", outcome.Error!.Message);
    }

    [Fact]
    public void A_name_lives_under_run_netns_and_a_word_with_a_slash_is_a_path()
    {
        Assert.Equal("/run/netns/blue", NetnsOption.PathOf("blue"));
        Assert.Equal("/proc/7/ns/net", NetnsOption.PathOf("/proc/7/ns/net"));
        Assert.Equal("./ns", NetnsOption.PathOf("./ns"));
    }
}
