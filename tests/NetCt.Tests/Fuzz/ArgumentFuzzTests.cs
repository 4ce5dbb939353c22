using System.Diagnostics;
using System.Text;
using NetCt.Cli.Arguments;
using NetCt.Cli.LoadFile;
using NetCt.Cli.Commands;
using NetCt.Tests.Arguments;

namespace NetCt.Tests.Fuzz;

/// <summary>
/// Seeded random command lines built from the real option set (conntrack's and every protocol
/// extension's, short and long, with plausible values and garbage), and random -R files of such
/// lines: the parser never throws, and every failure is a message with exit code 1 or 2.
/// Saved corpus inputs (one argument per line) are regression tests.
/// </summary>
public sealed class ArgumentFuzzTests
{
    private static readonly string[] Words = BuildWords();

    private static readonly string[] Values =
    [
        "", "0", "1", "-1", "65535", "65536", "4294967295", "4294967296", "0x10", "0x10/0xf0", "1/", "/1", "08", "1e3",
        "192.0.2.1", "192.0.2.0/24", "192.0.2.1/33", "198.51.100.2", "2001:db8::1", "2001:db8::/64", "[2001:db8::1]:80",
        "[2001:db8::1]", "192.0.2.1:80", "192.0.2.1:", ":80", "1.2.3", "256.1.1.1", "::ffff:192.0.2.1",
        "tcp", "udp", "icmp", "icmpv6", "sctp", "dccp", "gre", "udplite", "6", "255", "256", "ipv4", "ipv6", "inet6",
        "ESTABLISHED", "LISTEN", "SYN_SENT2", "CLOSED", "COOKIE_WAIT", "RESPOND", "ASSURED", "SEEN_REPLY,!ASSURED", "UNSET", "!",
        "NEW", "UPDATES", "DESTROY", "ALL", "NEW,,", "extended", "xml", "save", "id,ktimestamp,labels", "timestamp,userspace",
        "conntrack", "expect", "dying", "unconfirmed", "exp", "d", "x",
        "\u00e9", "%s%n", "\\", "'\"", new string('A', 300), "-", "--", "-L", "--src=", "=",
    ];

    private static string[] BuildWords()
    {
        var words = new List<string>();
        foreach (var option in ConntrackOptionTable.LongOptions)
            words.Add("--" + option.Name);
        foreach (var extension in ProtocolCatalog.Extensions)
        {
            foreach (var option in extension.Options)
                words.Add("--" + option.Name);
        }
        foreach (char c in ConntrackOptionTable.ShortOptions)
        {
            if (char.IsAsciiLetter(c) || c is '[' or ']' or '{' or '}' or '<' or '>' or '(' or ')')
                words.Add("-" + c);
        }
        return [.. words.Distinct()];
    }

    private static string[] RandomArguments(Random random)
    {
        var args = new List<string>();
        int count = random.Next(0, 12);
        for (int i = 0; i < count; i++)
        {
            switch (random.Next(10))
            {
                case < 5:
                    args.Add(Words[random.Next(Words.Length)]);
                    break;
                case < 8:
                    args.Add(Values[random.Next(Values.Length)]);
                    break;
                case 8: // attached value: --src=1.2.3.4, -s1.2.3.4, or clusters of short options
                    string word = Words[random.Next(Words.Length)];
                    args.Add(word.StartsWith("--", StringComparison.Ordinal) ? word + "=" + Values[random.Next(Values.Length)] : word + Values[random.Next(Values.Length)]);
                    break;
                default:
                    args.Add(Garbage(random));
                    break;
            }
        }
        return [.. args];
    }

    private static string Garbage(Random random)
    {
        var text = new StringBuilder();
        for (int i = random.Next(0, 12); i > 0; i--)
            text.Append((char)random.Next(random.Next(4) == 0 ? 0x10000 : 0x80));
        return text.ToString();
    }

    /// <summary>Parses; fails the test on an exception or an exit code other than 1 or 2.</summary>
    private static void ParseChecked(IReadOnlyList<string> args, string? loadFile = null)
    {
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty)
        {
            ProgramName = "netct",
            LabelMapPath = ReferenceSetup.WithoutLabels.LabelMapPath,
            OpenLoadFile = path => loadFile is null ? null : new StringReader(loadFile),
        };
        ParseOutcome outcome;
        try
        {
            outcome = LoadFileParser.Read(CommandLineParser.Parse(args, environment));
            if (outcome.Error is null && outcome.IsLoadFile)
                _ = outcome.Commands.Count(command => command.Command != CommandKind.None);
        }
        catch (Exception e)
        {
            string saved = FuzzSettings.SaveCrash("args", Encoding.UTF8.GetBytes(string.Join('\n', args) + (loadFile is null ? "" : "\n--- -R file ---\n" + loadFile)));
            Assert.Fail($"seed {FuzzSettings.Seed}: [{string.Join(", ", args.Select(a => "\"" + a + "\""))}] threw {e}\nsaved to {saved}");
            return;
        }
        if (outcome.Error is { } error)
        {
            Assert.Contains(error.ExitCode, new[] { ExitCodes.OtherProblem, ExitCodes.ParameterProblem });
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.DoesNotContain("   at ", error.StderrText, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> CorpusFiles() => [.. FuzzSettings.CorpusFiles("args").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusCommandLineParsesOrFailsCleanly(string file) =>
        ParseChecked(File.ReadAllText(Path.Combine(FuzzSettings.Directory, "corpus", "args", file)).Split('\n'));

    [Fact]
    public void RandomCommandLinesParseOrFailWithExitCodeOneOrTwo()
    {
        var random = new Random(FuzzSettings.Seed);
        var clock = Stopwatch.StartNew();
        int iterations = 0;
        while (clock.Elapsed < FuzzSettings.Budget)
        {
            ParseChecked(RandomArguments(random));
            iterations++;
        }
        Assert.True(iterations > 1000, $"only {iterations} command lines in {FuzzSettings.Budget}");
    }

    [Fact]
    public void RandomLoadFilesParseOrFailWithExitCodeOneOrTwo()
    {
        var random = new Random(FuzzSettings.Seed + 1);
        var clock = Stopwatch.StartNew();
        int iterations = 0;
        while (clock.Elapsed < FuzzSettings.Budget)
        {
            var file = new StringBuilder();
            for (int line = random.Next(0, 20); line > 0; line--)
            {
                string[] words = RandomArguments(random);
                if (random.Next(3) > 0)
                    words = [new[] { "-I", "-A", "-U", "-D", "-F" }[random.Next(5)], .. words];
                file.Append(string.Join(random.Next(8) == 0 ? "\t" : " ", words.Select(word => random.Next(10) == 0 ? "\"" + word + "\"" : word)));
                file.Append(random.Next(10) == 0 ? "\r\n" : "\n");
            }
            ParseChecked(["-R", "rules"], file.ToString());
            iterations++;
        }
        Assert.True(iterations > 100, $"only {iterations} files in {FuzzSettings.Budget}");
    }
}
