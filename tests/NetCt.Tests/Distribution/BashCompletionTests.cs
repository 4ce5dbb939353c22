using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Cli.Tree;

namespace NetCt.Tests.Distribution;

/// <summary>
/// completion/netct.bash: it parses, and a scripted completion (source it, set COMP_WORDS and
/// COMP_CWORD, call _netct, read COMPREPLY) offers what netct's grammar accepts, so that the script
/// cannot fall behind the option table, the protocol extensions or their states.
/// </summary>
public sealed class BashCompletionTests
{
    private static readonly string Script = RepositoryFiles.PathOf("completion/netct.bash");

    [Fact]
    public void The_script_parses()
    {
        Assert.Equal("", Bash($"bash -n '{Script}'"));
    }

    [Theory]
    [InlineData("-L ''", "conntrack expect dying unconfirmed")]
    [InlineData("-D -s 192.0.2.1 -p ''", "tcp udp udplite icmp icmpv6 sctp gre dccp")]
    [InlineData("-L -f ''", "ipv4 ipv6")]
    [InlineData("-L -o ext,j", "ext,json")]
    [InlineData("-L -o x", "xml")]
    [InlineData("-L -u 'ASSURED,!S'", "ASSURED,!SEEN_REPLY")]
    [InlineData("-E -e N", "NEW")]
    [InlineData("-L -p tcp --state E", "ESTABLISHED")]
    [InlineData("-L -p sctp --state COO", "COOKIE_WAIT COOKIE_ECHOED")]
    [InlineData("-L -p dccp --role s", "server")]
    [InlineData("-L -p icmp --icmp", "--icmp-type --icmp-code --icmp-id")]
    [InlineData("--ver", "--version")]
    [InlineData("-L --net", "--netns")]
    [InlineData("-L -s ''", "")]
    public void Completes_words(string words, string expected)
    {
        Assert.Equal(expected, Complete(words));
    }

    [Fact]
    public void Offers_every_long_option_of_conntrack_and_netct()
    {
        var offered = Complete("--").Split(' ').ToHashSet();
        foreach (var option in ConntrackOptionTable.LongOptions)
            Assert.Contains("--" + option.Name, offered);
        Assert.Contains(NetnsOption.Name, offered);
    }

    [Fact]
    public void Offers_every_option_of_each_protocol()
    {
        foreach (var extension in ProtocolCatalog.Extensions)
        {
            var offered = Complete($"-L -p {extension.Name} --").Split(' ').ToHashSet();
            foreach (var option in extension.Options)
                Assert.Contains("--" + option.Name, offered);
        }
    }

    [Theory]
    [InlineData("tcp", 10)]
    [InlineData("sctp", 10)]
    [InlineData("dccp", 10)]
    public void Offers_every_state(string protocol, int states)
    {
        var offered = Complete($"-L -p {protocol} --state ''").Split(' ');
        for (byte state = 0; state < states; state++)
        {
            string name = System.Text.Encoding.ASCII.GetString(protocol switch
            {
                "tcp" => ProtocolNames.TcpState(state),
                "sctp" => ProtocolNames.SctpState(state),
                _ => ProtocolNames.DccpState(state),
            });
            Assert.Contains(name, offered);
        }
    }

    [Fact]
    public void Offers_the_label_names_of_connlabel_conf()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "0 alpha\n1 beta\n# 2 comment\n");
        try
        {
            Assert.Equal("alpha beta", Complete("-L -l ''", $"export NETCT_CONNLABEL_CONF='{file}'"));
            Assert.Equal("alpha,beta", Complete("-L -l alpha,b", $"export NETCT_CONNLABEL_CONF='{file}'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void KnowsExactlyTheWordsOfNetctsOwnCommands()
    {
        Assert.Equal(string.Join(' ', NetctCommandWords.All), Bash($"source '{Script}'; printf '%s' \"$_netct_tree_words\""));
    }

    [Theory]
    [InlineData("''", "timeout health top exporter help")]
    [InlineData("ti", "timeout")]
    [InlineData("-L", "-L")]
    public void TheFirstWordOffersNetctsCommandsBesideConntracksOptions(string words, string expected)
    {
        Assert.Equal(expected, Complete(words));
    }

    [Fact]
    public void AWordOfNetctsOwnCommandsIsCompletedByNetctSuggest()
    {
        string directory = Directory.CreateTempSubdirectory("netct-completion").FullName;
        string log = Path.Combine(directory, "arguments");
        try
        {
            // A stand-in netct that records how it was asked and answers like System.CommandLine's [suggest].
            File.WriteAllText(
                Path.Combine(directory, "netct"),
                "#!/bin/sh\n" + $"printf '%s\\n' \"$@\" > '{log}'\n" + "printf 'tcp\\nsctp\\nudp\\n'\n");
            Bash($"chmod +x '{directory}/netct'");

            string offered = Complete("timeout add x inet t", $"PATH='{directory}':$PATH");

            Assert.Equal("tcp", offered);
            Assert.Equal("[suggest:26]\nnetct timeout add x inet t\n", File.ReadAllText(log));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The words after "netct" are shell words; the last one is completed.
    private static string Complete(string words, string environment = ":") => Bash(
        $"{environment}; source '{Script}'; COMP_WORDS=(netct {words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); " +
        "_netct; printf '%s\\n' \"${COMPREPLY[*]}\"").TrimEnd('\n');

    private static string Bash(string script)
    {
        var bash = ExternalTool.Run("bash", ["--norc", "--noprofile", "-c", script], "bash is part of every Debian system");
        Assert.True(bash.ExitCode == 0 && bash.Errors.Length == 0, $"bash failed ({bash.ExitCode}): {bash.Errors}");
        return bash.Output;
    }
}
