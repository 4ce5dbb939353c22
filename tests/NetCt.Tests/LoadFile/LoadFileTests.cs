using NetCt.Cli;
using NetCt.Cli.Arguments;
using NetCt.Cli.LoadFile;
using NetCt.Cli.Output;
using NetCt.Tests.Arguments;

namespace NetCt.Tests.LoadFile;

/// <summary>
/// <c>-R FILE</c>. Golden messages from <c>unshare -n conntrack-1.4.8 -R FILE</c> with FILE holding
/// the content of each row.
/// </summary>
public class LoadFileTests
{
    private static ParseOutcome Load(string content, params string[] more)
    {
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            ProgramName = "conntrack",
            LabelMapPath = ReferenceSetup.WithoutLabels.LabelMapPath,
            OpenLoadFile = path => path == "rules" ? new StringReader(content) : null,
        };
        return LoadFileParser.Read(CommandLineParser.Parse(["-R", "rules", .. more], environment));
    }

    [Theory]
    [InlineData("-I -s 1.1.1.1\n", "You need to supply the `--protonum' option for this command")]
    [InlineData("foo\n", "Cannot use command `unknown' with --load-file")]
    [InlineData("-F\n   ", "Cannot use command `unknown' with --load-file")]
    [InlineData("-Gexpect\n", "You need to supply the `--protonum' option for this command")]
    [InlineData("-I expect\n", "You need to supply the `--src' option for this command")]
    [InlineData("-L\n", "Cannot use command `-L' with --load-file")]
    [InlineData("-L expect\n", "Cannot use command `-L expect' with --load-file")]
    [InlineData("-S expect\n", "Cannot use command `-S expect' with --load-file")]
    [InlineData("-V\n", "Cannot use command `-V' with --load-file")]
    [InlineData("-F\n-F -s 1.1.1.1\n-L\n", "Illegal option `--src' with this command")]
    [InlineData("-F\n-X\n", "unknown option `-X'")]
    [InlineData("-R x\n", "unknown option `-R'")]
    [InlineData("-D -s 1.1.1.1\\\n", "Invalid IP address `1.1.1.1\\'")]
    [InlineData("-D -s \"\"\n", "Invalid IP address `'")]
    [InlineData("-F\n-D -s 1.1.1.1 -z\n", "Illegal option `--zero' with this command")]
    [InlineData("-D --mask-src 255.0.0.0\n", "Can't use --mask-src without --src")]
    [InlineData("-D -s 1.1.1.1 -u FOO\n-D -u S\n", "Bad parameter `FOO'")]
    public void RejectsTheFileLikeConntrack(string content, string message)
    {
        var outcome = Load(content);
        Assert.Equal(message, outcome.Error?.Message);
        Assert.Equal(ParameterError.ParameterProblem, outcome.Error?.ExitCode);
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void OutputWordsOfAllLinesAddUp()
    {
        var outcome = Load("-D -o save\n-D -o xml\n");
        Assert.Equal("cannot combine save output with any other output type, use -o save only", outcome.Error?.Message);
        Assert.Equal(ParameterError.OtherProblem, outcome.Error?.ExitCode);

        var commands = Load("-D -o id\n-U -s 1.1.1.1 -o xml\n").Commands;
        Assert.All(commands, command => Assert.Equal(OutputFlags.Id | OutputFlags.Xml, command.Output));
    }

    [Fact]
    public void ParsesEveryLineBeforeAnythingRuns()
    {
        var outcome = Load("# rules\n\n-A -s 1.1.1.1 -d 2.2.2.2 -p tcp --sport 1 --dport 2 --state LISTEN -t 10\n-U -s 1.1.1.1 -m 5\n-D -p tcp\n-F\n");
        Assert.True(outcome.IsLoadFile);
        Assert.Equal([CommandKind.Add, CommandKind.Update, CommandKind.Delete, CommandKind.Flush], outcome.Commands.Select(c => c.Command));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t \n")]
    [InlineData("-D -s \"1.1.1.1\n")]
    [InlineData("-D -s 1.1.\"1.1\"x\n")]
    [InlineData("-D \"-s\" 1.1.1.1 \"\" \"x y\"\n")]
    [InlineData("-D -s 1.1.1.1\r\n")]
    [InlineData("-F")]
    public void AcceptsWhatConntrackAccepts(string content) => Assert.Null(Load(content).Error);

    [Fact]
    public void WordsAfterTheFileNameAreIgnored() => Assert.Null(Load("-F\n", "-L", "--bogus").Error);

    [Fact]
    public void UnreadableFileIsAParameterProblem()
    {
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(["-R", "/nonexistent/netct/rules"], ReferenceSetup.WithoutLabels));
        Assert.Equal("Failed to open file /nonexistent/netct/rules for reading", outcome.Error?.Message);
        Assert.Equal(ParameterError.ParameterProblem, outcome.Error?.ExitCode);
    }

    [Fact]
    public void AFileThatFailsWhileReadRunsNoLine()
    {
        // Reading /proc/self/mem from offset 0 (never mapped) fails with EIO after the open succeeded.
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(["-R", "/proc/self/mem"], ReferenceSetup.WithoutLabels));
        Assert.Equal("Failed to read file /proc/self/mem: Input/output error", outcome.Error?.Message);
        Assert.Equal(ParameterError.ParameterProblem, outcome.Error?.ExitCode);
        Assert.Empty(outcome.Commands);
    }

    [Fact]
    public void AReadFailureWithoutAnErrnoKeepsItsMessage()
    {
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty) { OpenLoadFile = _ => new StreamReader(new ReadOnlyStream((_, _, _) => throw new IOException("the disk went away"))) };
        var error = LoadFileParser.Read(CommandLineParser.Parse(["-R", "rules"], environment)).Error;
        Assert.Equal("Failed to read file rules: the disk went away", error?.Message);
        Assert.Equal(ParameterError.ParameterProblem, error?.ExitCode);
    }

    [Fact]
    public void DashReadsStandardInput()
    {
        string? opened = null;
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty) { OpenLoadFile = path => { opened = path; return new StringReader("-F\n"); } };
        Assert.Null(LoadFileParser.Read(CommandLineParser.Parse(["--load-file", "-"], environment)).Error);
        Assert.Equal("/dev/stdin", opened);
    }

    [Fact]
    public void ADirectoryReadsAsAnEmptyFile() => Assert.Empty(LoadFileParser.Read(CommandLineParser.Parse(["-R", Path.GetTempPath()], ReferenceSetup.WithoutLabels)).Commands);

    [Fact]
    public void ReportsEveryBadLineWithItsNumberAfterConntracksMessage()
    {
        var lines = new List<string>();
        for (int i = 1; i <= 20_000; i++)
        {
            lines.Add(i switch
            {
                7 => "-L",
                3_000 => "-I -p tcp -s 192.0.2.x",
                12_345 => "-A --bogus",
                19_999 => "-D -u FOO",
                _ => $"-I -p udp -s 192.0.2.1 -d 198.51.100.1 --sport {i} --dport 53 -t 60",
            });
        }

        var outcome = Load(string.Join('\n', lines) + "\n# done\n");

        Assert.Empty(outcome.Commands);
        Assert.Equal(ParameterError.ParameterProblem, outcome.Error?.ExitCode);
        // The first line is conntrack's: its first parse error, even after a command it refuses.
        Assert.Equal(
            $"{ProgramIdentity.VersionLine}: Invalid IP address `192.0.2.x'\n" +
            "rules:7: Cannot use command `-L' with --load-file\n" +
            "rules:3000: Invalid IP address `192.0.2.x'\n" +
            "rules:12345: unknown option `--bogus'\n" +
            "rules:19999: Bad parameter `FOO'\n" +
            $"Try `{ProgramIdentity.Name} -h' or '{ProgramIdentity.Name} --help' for more information.\n",
            outcome.Error!.StderrText);
    }

    [Fact]
    public void RefusedCommandsAloneAreReportedLikeConntrackThenByLine()
    {
        var error = Load("-F\n-V\n\n-L\n").Error!;
        Assert.Equal("Cannot use command `-V' with --load-file", error.Message);
        Assert.Equal(["rules:2: Cannot use command `-V' with --load-file", "rules:4: Cannot use command `-L' with --load-file"], error.Details);
    }

    [Fact]
    public void LinesLongerThanConntracksBufferKeepTheirNumber()
    {
        // fgets() reads a line of more than 10239 characters as several pieces; they share the number.
        var error = Load("-F\n-D -s " + new string('1', 20_000) + "\n-D -s x\n").Error!;
        Assert.All(error.Details.Take(error.Details.Count - 1), detail => Assert.StartsWith("rules:2: ", detail, StringComparison.Ordinal));
        Assert.StartsWith("rules:3: Invalid IP address `x'", error.Details[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutEndStopsAtTheLimit()
    {
        // -R /dev/zero: conntrack would read it for ever; netct holds the file, so it gives up.
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            MaxLoadFileLength = 100_000,
            OpenLoadFile = _ => new StreamReader(new ReadOnlyStream((buffer, offset, count) =>
            {
                Array.Fill(buffer, (byte)'\0', offset, count);
                return count;
            })),
        };
        var error = LoadFileParser.Read(CommandLineParser.Parse(["-R", "/dev/zero"], environment)).Error;
        Assert.Equal("File /dev/zero is too large for --load-file (more than 100000 characters)", error?.Message);
        Assert.Equal(ParameterError.ParameterProblem, error?.ExitCode);
    }

    [Fact]
    public void AFileOfExactlyTheLimitIsRead()
    {
        string content = "-F\n" + new string('#', 96) + "\n";
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            MaxLoadFileLength = content.Length,
            OpenLoadFile = _ => new StringReader(content),
        };
        Assert.Null(LoadFileParser.Read(CommandLineParser.Parse(["-R", "rules"], environment)).Error);
    }

    // A stream only read, every read answered by the function given.
    private sealed class ReadOnlyStream(Func<byte[], int, int, int> read) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
