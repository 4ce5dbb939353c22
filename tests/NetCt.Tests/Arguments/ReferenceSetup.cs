using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

/// <summary>
/// The conditions the golden texts were captured under: /usr/local/bin/conntrack-1.4.8 run as
/// <c>unshare -n conntrack-1.4.8 ARGS</c> (so parameter errors never reach the host's table), with
/// <see cref="LabelConfig"/> bind-mounted as /etc/xtables/connlabel.conf, or without that file
/// for <see cref="WithoutLabels"/>, and Debian's /etc/protocols.
/// </summary>
internal static class ReferenceSetup
{
    /// <summary>The connlabel.conf of the captures: valid lines and each kind of line libnetfilter_conntrack skips.</summary>
    public const string LabelConfig =
        "0 zero\n1 one\n2 two\n# 3 comment\n5 five\n 6 six\n7\tseven\n8 bad!\n9 nine \n0x0a ten\n011 nine-oct\n" +
        "12 dup\n13 dup\n12 twelve2\n100 hundred\n1023 max\n1024 over\n14x fourteen\n";

    // The /etc/protocols entries the captures rely on.
    private static readonly string[] ProtocolLines =
    [
        "ip\t0\tIP\t\t# internet protocol, pseudo protocol number",
        "icmp\t1\tICMP",
        "tcp\t6\tTCP",
        "udp\t17\tUDP",
        "dccp\t33\tDCCP",
        "gre\t47\tGRE",
        "ipv6-icmp 58\tIPv6-ICMP\t# ICMP for IPv6",
        "ospf\t89\tOSPFIGP\t\t# Open Shortest Path First IGP",
        "sctp\t132\tSCTP",
        "udplite\t136\tUDPLite",
    ];

    private static readonly Lazy<string> LabelFile = new(() =>
    {
        string path = Path.Combine(Path.GetTempPath(), $"netct-connlabel-{Environment.ProcessId}.conf");
        File.WriteAllText(path, LabelConfig);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    public static ParserEnvironment WithLabels { get; } = new(() => ProtocolDatabase.FromLines(ProtocolLines))
    {
        ProgramName = "conntrack",
        LabelMapPath = LabelFile.Value,
    };

    public static ParserEnvironment WithoutLabels { get; } = new(() => ProtocolDatabase.FromLines(ProtocolLines))
    {
        ProgramName = "conntrack",
        LabelMapPath = "/nonexistent/netct-tests/connlabel.conf",
    };

    public static ParseOutcome Parse(string commandLine) => CommandLineParser.Parse(Words(commandLine), WithLabels);

    public static ParsedCommand ParseCommand(string commandLine)
    {
        var outcome = Parse(commandLine);
        Assert.Null(outcome.Error);
        return outcome.Command;
    }

    /// <summary>Splits a command line as sh does for the cases used here: blanks separate words, '...' quotes.</summary>
    public static string[] Words(string commandLine)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        bool quoted = false;
        foreach (char c in commandLine)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return [.. words];
    }

    /// <summary>Asserts that conntrack's parser would stop on <paramref name="commandLine"/> with this message and exit code.</summary>
    public static void AssertError(ParserEnvironment environment, string commandLine, string message, int exitCode, string diagnostics)
    {
        var outcome = CommandLineParser.Parse(Words(commandLine), environment);
        Assert.Equal(diagnostics, string.Concat(outcome.Diagnostics.Select(line => line + "\n")));
        Assert.NotNull(outcome.Error);
        Assert.Equal(message, outcome.Error.Message);
        Assert.Equal(exitCode, outcome.Error.ExitCode);
    }

    /// <summary>Asserts that conntrack's parser accepts <paramref name="commandLine"/>, printing only these warnings.</summary>
    public static void AssertAccepted(ParserEnvironment environment, string commandLine, string diagnostics)
    {
        var outcome = CommandLineParser.Parse(Words(commandLine), environment);
        Assert.Null(outcome.Error?.Message);
        Assert.Equal(diagnostics, string.Concat(outcome.Diagnostics.Select(line => line + "\n")));
    }
}
