using NetCt.Cli;
using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class ParameterErrorTests
{
    [Fact]
    public void ParameterProblemAddsTheHelpHint()
    {
        // conntrack-1.4.8 -L -x prints, with its own name:
        //   conntrack v1.4.8 (conntrack-tools): unknown option `-x'
        //   Try `conntrack -h' or 'conntrack --help' for more information.
        var error = CommandLineParser.Parse(["-L", "-x"]).Error!;
        Assert.Equal(2, error.ExitCode);
        Assert.Equal(
            $"{ProgramIdentity.VersionLine}: unknown option `-x'\n" +
            $"Try `{ProgramIdentity.Name} -h' or '{ProgramIdentity.Name} --help' for more information.\n",
            error.StderrText);
    }

    [Fact]
    public void OtherProblemHasNoHint()
    {
        // conntrack-1.4.8 -L -o save,xml exits 1 with one line.
        var error = CommandLineParser.Parse(["-L", "-o", "save,xml"]).Error!;
        Assert.Equal(1, error.ExitCode);
        Assert.Equal($"{ProgramIdentity.VersionLine}: cannot combine save output with any other output type, use -o save only\n", error.StderrText);
    }

    [Fact]
    public void ProgramNameIsArgvZeroWhereGetoptPointsBeforeTheFirstArgument()
    {
        // conntrack-1.4.8 -Rx: "unknown option `/opt/conntrack-1.4.8/usr/sbin/conntrack'" (its argv[0]).
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty) { ProgramName = "/usr/sbin/netct" };
        Assert.Equal("unknown option `/usr/sbin/netct'", CommandLineParser.Parse(["-Rx"], environment).Error!.Message);
    }
}
