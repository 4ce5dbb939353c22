using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.LoadFile;
using NetCt.Interop;
using NetCt.Tests.Commands;

namespace NetCt.Tests.LoadFile;

/// <summary>
/// -R against a scripted kernel: the lines run in order, creations pipelined, and a refusal says
/// which line failed and exactly which lines were applied.
/// </summary>
public sealed class LoadFileCommandTests
{
    private const string Exists = "Operation failed: Such conntrack exists, try -U to update";

    private static string Create(int i) => $"-I -s 192.0.2.{i} -d 198.51.100.2 -p udp --sport 1 --dport 2 -t 30";

    private static CommandRun Load(string content, ScriptedKernel kernel)
    {
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            ProgramName = "netct",
            LabelMapPath = "/nonexistent/netct-tests/connlabel.conf",
            OpenLoadFile = path => path == "rules" ? new StringReader(content) : null,
        };
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(["-R", "rules"], environment));
        Assert.Null(outcome.Error);
        using var client = kernel.Client();
        return CommandRun.Of(context => LoadFileCommand.Run(outcome.Commands, client, context));
    }

    // Refuses the requests at these indexes (among all requests sent) with EEXIST.
    private static ScriptedKernel Refusing(params int[] indexes) => new()
    {
        Answer = (index, request) => indexes.Contains(index) ? ScriptedKernel.Refusal(request, (int)Errno.EEXIST) : null,
    };

    [Fact]
    public void AFileThatRunsThroughPrintsNothing()
    {
        var kernel = new ScriptedKernel();
        var run = Load($"# entries\n{Create(1)}\n\n{Create(2)}\n", kernel);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("", run.Stderr);
        Assert.Equal(2, kernel.Requests.Count);
        Assert.Equal(1, kernel.RequestDatagrams);
    }

    [Fact]
    public void ARefusalNamesTheLineAndTheLinesAppliedAroundIt()
    {
        // Lines 4 and 5 went out in the same datagram as line 3, and the kernel applied them.
        var run = Load($"# entries\n{Create(1)}\n{Create(2)}\n\n{Create(3)}\n{Create(4)}\n", Refusing(1));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{Exists} (line 3; 1 line applied before it, and lines 5-6 after it, sent along with it)\n", run.Stderr);
    }

    [Fact]
    public void LinesRefusedAfterTheFirstRefusalAreNotCountedAsApplied()
    {
        var run = Load(string.Join('\n', Enumerable.Range(1, 6).Select(Create)) + "\n", Refusing(0, 2, 3));

        Assert.Equal($"{Exists} (line 1; 0 lines applied before it, and lines 2,5-6 after it, sent along with it)\n", run.Stderr);
    }

    [Fact]
    public void ARefusalOfTheLastLineHasNothingAfterIt()
    {
        var run = Load($"{Create(1)}\n{Create(2)}\n{Create(3)}\n", Refusing(2));

        Assert.Equal($"{Exists} (line 3; 2 lines applied before it, none after it)\n", run.Stderr);
    }

    [Fact]
    public void NothingIsSentAfterTheDatagramOfARefusal()
    {
        var kernel = Refusing(0);
        var run = Load(string.Join('\n', Enumerable.Range(1, 300).Select(i => Create(i % 250 + 1))) + "\n", kernel);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, kernel.RequestDatagrams);
        Assert.Equal(256, kernel.Requests.Count);
        Assert.EndsWith("(line 1; 0 lines applied before it, and lines 2-256 after it, sent along with it)\n", run.Stderr);
    }

    [Fact]
    public void OtherCommandsRunInTurnAndFailingOnesNameTheirLine()
    {
        // -F flushes (its message is printed even when the kernel refuses), -D finds nothing (no error in -R).
        var kernel = new ScriptedKernel
        {
            // Requests: the creation of line 1, then the flush (the -D found nothing to delete).
            Answer = (index, request) => index == 1 ? ScriptedKernel.Refusal(request, (int)Errno.EPERM) : null,
        };
        var run = Load($"{Create(1)}\n-D -s 192.0.2.9\n-F\n{Create(2)}\n", kernel);

        Assert.Equal(
            "connection tracking table has been emptied.\n" +
            "Operation failed: sorry, you must be root or get CAP_NET_ADMIN capability to do this (line 3; 2 lines applied before it, none after it)\n",
            run.Stderr);
        Assert.Equal(2, kernel.Requests.Count);
    }

    [Fact]
    public void AnswersLostAreReportedAsUnknown()
    {
        var failure = new LoadFileFailure(17, CommandKind.Create, (int)Errno.ENOBUFS, 16, new LineRanges(), Ranges((16, 17), (17, 18), (18, 20)));

        Assert.Equal(
            "No buffer space available (line 17; 16 lines applied before it; whether lines 17-20 were applied is unknown: the answers were lost)",
            failure.Describe());
    }

    [Fact]
    public void LineRangesJoinCommandsThatFollowEachOther()
    {
        // Commands 3, 4 and 5 are on lines 10, 12 and 13 (a comment between): one range.
        Assert.Equal("lines 10-13,20", Ranges((3, 10), (4, 12), (5, 13), (9, 20)).ToString());
        Assert.Equal("line 7", Ranges((0, 7)).ToString());
    }

    private static LineRanges Ranges(params (int Command, int Line)[] commands)
    {
        var ranges = new LineRanges();
        foreach (var (command, line) in commands)
            ranges.Add(command, line);
        return ranges;
    }
}
