using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.Nfct;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Tests.Commands;

namespace NetCt.Tests.Timeouts;

/// <summary>
/// nfct 1.4.8's command line as netct started as nfct reads it: the word matching, the messages and
/// exit codes of every refusal that comes before a request (each observed from nfct 1.4.8 in the test image).
/// </summary>
public sealed class NfctGrammarTests
{
    [Theory]
    [InlineData("/usr/sbin/nfct", true)]
    [InlineData("nfct", true)]
    [InlineData("./nfct", true)]
    [InlineData("netct", false)]
    [InlineData("/usr/sbin/nfct2", false)]
    public void OnlyTheBasenameNfctSelectsNfctsGrammar(string programPath, bool expected) =>
        Assert.Equal(expected, NfctProgram.IsStartedAs(programPath));

    [Theory]
    [InlineData("l", "list")]
    [InlineData("", "list")]
    [InlineData("de", "delete")]
    [InlineData("default", "default-set")]
    [InlineData("default-g", "default-get")]
    [InlineData("f", "flush")]
    [InlineData("x", null)]
    [InlineData("lists", null)]
    public void ACommandIsTheFirstThatStartsWithTheWord(string word, string? expected) =>
        Assert.Equal(expected, NfctWords.Match(NfctWords.Commands, word));

    [Theory]
    [InlineData(new string[0], "", "Usage: nfct command subsystem [parameters]...\n")]
    [InlineData(new[] { "-V" }, "", "Usage: nfct command subsystem [parameters]...\n")]
    [InlineData(new[] { "x", "timeout" }, "", "Unknown subsystem: x\nUsage: nfct command subsystem [parameters]...\n")]
    [InlineData(new[] { "list", "x" }, "", "Unknown subsystem: list\nUsage: nfct command subsystem [parameters]...\n")]
    [InlineData(new[] { "help", "x" }, "", "Unknown command: help\nUsage: nfct command subsystem [parameters]...\n")]
    [InlineData(new[] { "disable", "timeout" }, "", "Missing command\nnfct <list|add|delete|get|default-set|default-get|flush> timeout [<parameters>, ...]\n")]
    [InlineData(new[] { "list", "timeout", "x" }, "", "too many arguments\n")]
    [InlineData(new[] { "flush", "timeout", "x" }, "", "too many arguments\n")]
    [InlineData(new[] { "delete", "timeout" }, "", "missing timeout policy name\n")]
    [InlineData(new[] { "get", "timeout", "a", "b" }, "", "too many arguments\n")]
    [InlineData(new[] { "add", "timeout", "x", "inet" }, "", "missing parameters\nsyntax: nfct add timeout name family protocol state1 timeout1 ...\n")]
    [InlineData(new[] { "add", "timeout", "x", "ipx", "tcp" }, "", "unknown layer 3 protocol\n")]
    [InlineData(new[] { "add", "timeout", "x", "inet", "foo" }, "", "unknown layer 4 protocol\n")]
    [InlineData(new[] { "add", "timeout", "x", "inet", "tcp", "bogus", "1" }, "", "Wrong state name: `bogus' for protocol `tcp'\n")]
    [InlineData(new[] { "add", "timeout", "x", "inet", "sctp", "heartbeat_sent", "1" }, "", "Wrong state name: `heartbeat_sent' for protocol `sctp'\n")]
    [InlineData(new[] { "add", "timeout", "x", "inet", "tcp", "established" }, "", "missing value for this timeout\n")]
    [InlineData(new[] { "default-set", "timeout", "inet", "udp" }, "", "missing parameters\nsyntax: nfct default-set timeout family protocol state1 timeout1...\n")]
    [InlineData(new[] { "default-get", "timeout", "inet" }, "", "missing parameters\nsyntax: nfct default-get timeout family protocol\n")]
    [InlineData(new[] { "default-set", "helper" }, "", "Unknown command: helper\nMissing command\nnfct helper list|add|delete|disable|get|flush [parameters...]\n")]
    [InlineData(new[] { "add", "helper", "foo", "inet", "tcp" }, "", "that helper is not supported\n")]
    [InlineData(new[] { "add", "helper", "ftp", "inet", "sctp" }, "", "unsupported layer 4 protocol\n")]
    [InlineData(new[] { "get", "helper" }, "", "missing helper policy name\n")]
    public void RefusalsPrintNfctsMessagesAndExit1(string[] args, string stdout, string stderr)
    {
        var run = CommandRun.Of(context => NfctProgram.Run(args, context), "nfct");

        Assert.Equal((ExitCodes.OtherProblem, stdout, stderr), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void VersionIsPrintedForAnyCommandWord()
    {
        var run = CommandRun.Of(context => NfctProgram.Run(["flush", "version"], context), "nfct");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith(NetCt.Cli.ProgramIdentity.VersionLine + ": utility for the Netfilter's Connection Tracking System\n", run.Stdout);
    }

    [Fact]
    public void HelpIsOutOfReachAsInNfct()
    {
        // "help" is a prefix of "helper", which nfct's table lists first; its help text is printed by nobody.
        Assert.Equal("helper", NfctWords.Match(NfctWords.Subsystems, "help"));
        var run = CommandRun.Of(context => NetCt.Cli.Nfct.NfctTexts.Help(context), "nfct");
        Assert.StartsWith(NetCt.Cli.ProgramIdentity.VersionLine + ": utility for the Netfilter's Connection Tracking System\nUsage: nfct command [parameters]...\n\nSubsystem:\n", run.Stdout);
    }

    [Fact]
    public void ValuesAreReadWithAtoiAndStatesIgnoreCase()
    {
        var errors = new StringWriter();
        TimeoutPolicy? policy = NfctTimeoutParameters.Parse(
            ["inet6", "tcp", "ESTABLISHED", "12abc", "syn_sent", "-1", "Close", "5000000000", "close", "7"], errors, ProtocolDatabase.FromLines(["tcp 6 TCP"]));

        Assert.NotNull(policy);
        Assert.Equal("", errors.ToString());
        Assert.Equal(AddressFamilies.AF_INET6, policy.Family);
        Assert.Equal(IpProtocols.IPPROTO_TCP, policy.Protocol);
        Assert.Equal(
            new Dictionary<ushort, uint>
            {
                [(ushort)CtattrTimeoutTcp.CTA_TIMEOUT_TCP_ESTABLISHED] = 12,
                [(ushort)CtattrTimeoutTcp.CTA_TIMEOUT_TCP_SYN_SENT] = uint.MaxValue,
                [(ushort)CtattrTimeoutTcp.CTA_TIMEOUT_TCP_CLOSE] = 7,
            },
            policy.Timeouts);
    }

    [Theory]
    [InlineData("icmpv6", IpProtocols.IPPROTO_ICMPV6)]
    [InlineData("generic", TimeoutProtocols.Generic)]
    [InlineData("ospf", 89)]
    [InlineData("TCP", IpProtocols.IPPROTO_TCP)]
    public void ProtocolsComeFromEtcProtocolsThenNfctsTwoNames(string word, byte expected)
    {
        var protocols = ProtocolDatabase.FromLines(["tcp 6 TCP", "ospf 89 OSPFIGP", "ipv6-icmp 58 IPv6-ICMP"]);

        Assert.Equal(expected, NfctTimeoutParameters.Protocol(word, TextWriter.Null, protocols));
    }

    [Fact]
    public void AProtocolWithoutStatesRefusesEveryState()
    {
        var errors = new StringWriter();
        var protocols = ProtocolDatabase.FromLines(["ip 0 IP"]);

        Assert.Null(NfctTimeoutParameters.Parse(["inet", "ip", "timeout", "1"], errors, protocols));
        Assert.EndsWith("Wrong state name: `timeout' for protocol `ip'\n", errors.ToString());
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("0123456789012345678901234567890123456789", "0123456789012345678901234567890")]
    [InlineData("ääääääääääääääää", "äääääääääääääää")] // 32 bytes: cut before the last whole character
    public void LongNamesAreCutAsLibnetfilterCttimeoutCutsThem(string name, string kept) =>
        Assert.Equal(kept, NfctTimeoutCommand.TruncateName(name));
}
