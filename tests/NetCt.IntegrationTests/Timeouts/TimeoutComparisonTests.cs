using System.Text.Json;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Timeouts;

/// <summary>
/// nfct 1.4.8's timeout (and helper) subsystem against netct started as nfct and against
/// <c>netct timeout</c>: the same command sequences from a clean table, compared line by line (exit
/// code, stdout, stderr after the program prefix). Every protocol with every state, every command,
/// policies held by an iptables <c>-j CT --timeout</c> rule (delete refused with EBUSY, flush keeps
/// them), nft's own <c>ct timeout</c> objects beside them, and bad input.
/// </summary>
public sealed class TimeoutComparisonTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private static readonly Dictionary<string, string[]> Sequences = new()
    {
        ["every protocol and state"] =
        [
            "add timeout t-tcp inet tcp syn_sent 1 syn_recv 2 established 3 fin_wait 4 close_wait 5 last_ack 6 time_wait 7 close 8 syn_sent2 9 retrans 10 unacknowledged 11",
            "add timeout t-udp inet udp unreplied 12 replied 13",
            "add timeout t-udplite inet6 udplite unreplied 14 replied 15",
            "add timeout t-icmp inet icmp timeout 16",
            "add timeout t-icmpv6 inet6 icmpv6 timeout 17",
            "add timeout t-sctp inet sctp closed 18 cookie_wait 19 cookie_echoed 20 established 21 shutdown_sent 22 shutdown_recd 23 shutdown_ack_sent 24",
            "add timeout t-dccp inet dccp request 25 respond 26 partopen 27 open 28 closereq 29 closing 30 timewait 31",
            "add timeout t-gre inet gre unreplied 32 replied 33",
            "add timeout t-generic inet generic timeout 34",
            "add timeout t-partial inet tcp ESTABLISHED 35 Close 36",
            "list timeout",
            "get timeout t-tcp",
            "get timeout t-sctp",
            "get timeout t-generic",
            "delete timeout t-udp",
            "delete timeout t-icmp",
            "list timeout",
            "flush timeout",
            "list timeout",
        ],
        ["defaults of every protocol"] =
        [
            "default-get timeout inet tcp",
            "default-get timeout inet6 tcp",
            "default-get timeout inet udp",
            "default-get timeout inet udplite",
            "default-get timeout inet icmp",
            "default-get timeout inet6 icmpv6",
            "default-get timeout inet sctp",
            "default-get timeout inet dccp",
            "default-get timeout inet gre",
            "default-get timeout inet generic",
            "default-set timeout inet udp unreplied 33 replied 99",
            "default-get timeout inet udp",
            "default-set timeout inet tcp established 7200 time_wait 60",
            "default-get timeout inet tcp",
            "default-set timeout inet generic timeout 300",
            "default-get timeout inet generic",
            "default-set timeout inet dccp open 10",
            "default-set timeout inet udp unreplied 30 replied 120",
            "default-set timeout inet tcp established 432000 time_wait 120",
            "default-set timeout inet generic timeout 600",
            "default-get timeout inet udp",
        ],
        ["bad input"] =
        [
            "add timeout t1 inet tcp established 100",
            "add timeout t1 inet udp unreplied 1",
            "add timeout t2 inet tcp bogus 1",
            "add timeout t2 inet sctp heartbeat_sent 1",
            "add timeout t2 inet tcp established",
            "add timeout t2 inet tcp",
            "add timeout t2 inet",
            "add timeout t2 ipx tcp established 1",
            "add timeout t2 inet foo established 1",
            "add timeout t2 inet ospf",
            "add timeout t2 inet ip timeout 1",
            "add timeout 0123456789012345678901234567890123456789 inet tcp established 1",
            "get timeout 0123456789012345678901234567890123456789",
            "add timeout t3 inet tcp established 12abc syn_sent -1 close 5000000000",
            "get timeout t3",
            "get timeout nope",
            "get timeout",
            "get timeout a b",
            "delete timeout nope",
            "delete timeout",
            "delete timeout a b",
            "list timeout extra",
            "flush timeout extra",
            "default-get timeout inet",
            "default-get timeout inet6 foo",
            "default-get timeout ipx tcp",
            "default-set timeout inet udp",
            "default-set timeout inet udp replied",
            "default-set timeout inet udp nope 1",
            "list timeout",
        ],
        ["policies in use"] =
        [
            "add timeout pinned inet udp unreplied 77 replied 88",
            "add timeout loose inet tcp established 99",
            $"{NfctSequence.Setup}iptables -t raw -A OUTPUT -p udp --dport 5353 -j CT --timeout pinned",
            "delete timeout pinned",
            "flush timeout",
            "list timeout",
            $"{NfctSequence.Setup}nft add table ip t && nft add ct timeout ip t pinned '{{ protocol tcp; l3proto ip; policy = {{ established: 100 }}; }}' && nft add chain ip t out '{{ type filter hook output priority 0; }}' && nft add rule ip t out ct timeout set pinned",
            "list timeout",
            $"{NfctSequence.Setup}iptables -t raw -F",
            "delete timeout pinned",
            "list timeout",
        ],
    };

    // Only netct started as nfct: these words have no netct timeout form.
    private static readonly string[] NfctOnlyLines =
    [
        "l t",
        "'' ''",
        "timeout list",
        "timeout add t1 inet tcp established 1",
        "t g t1",
        "disable timeout",
        "x timeout",
        "list x",
        "help x",
        "version x",
        "list",
        "helper list",
        "list helper",
        "add helper ftp inet tcp",
        "add helper foo inet tcp",
        "add helper ftp inet sctp",
        "add helper ftp ipx tcp",
        "add helper ftp inet",
        "get helper ftp",
        "get helper ftp inet tcp",
        "get helper",
        "get helper a b c d",
        "delete helper ftp inet",
        "flush helper",
        "disable helper ftp inet tcp",
        "disable helper rpc inet udp",
        "default-set helper",
        "flush timeout",
    ];

    public static TheoryData<string> SequenceNames => [.. Sequences.Keys];

    [Theory]
    [MemberData(nameof(SequenceNames))]
    public async Task NetctStartedAsNfctMatchesNfct(string sequence) =>
        await AssertSameAsync(Sequences[sequence], NfctSequence.Program.NetctAsNfct);

    [Theory]
    [MemberData(nameof(SequenceNames))]
    public async Task NetctTimeoutMatchesNfct(string sequence)
    {
        Assert.True(NfctSequence.HasTreeForm(Sequences[sequence]), "every line of a sequence has a netct timeout form");
        await AssertSameAsync(Sequences[sequence], NfctSequence.Program.NetctTimeout);
    }

    [Fact]
    public async Task NfctsOwnWordsAndTheHelperSubsystemMatch() =>
        await AssertSameAsync(NfctOnlyLines, NfctSequence.Program.NetctAsNfct);

    [Fact]
    public async Task JsonCarriesTheUseCountAndEveryKernelState()
    {
        await fixture.ShellCheckedAsync("nft flush ruleset; nfct flush timeout");
        try
        {
            await fixture.ExecCheckedAsync("netct", "timeout", "add", "s", "inet", "sctp", "established", "5");
            await fixture.ShellCheckedAsync("iptables -t raw -A OUTPUT -p sctp -j CT --timeout s");
            var held = await fixture.ExecCheckedAsync("netct", "timeout", "list", "-o", "json");
            await fixture.ShellCheckedAsync("iptables -t raw -F");
            var free = await fixture.ExecCheckedAsync("netct", "timeout", "get", "s", "-o", "json");

            using var heldPolicy = JsonDocument.Parse(held.Stdout);
            using var freePolicy = JsonDocument.Parse(free.Stdout);
            Assert.Equal(2, heldPolicy.RootElement.GetProperty("use").GetInt32());
            Assert.Equal(1, freePolicy.RootElement.GetProperty("use").GetInt32());
            JsonElement timeouts = freePolicy.RootElement.GetProperty("timeouts");
            Assert.Equal(5, timeouts.GetProperty("established").GetInt32());
            Assert.True(timeouts.TryGetProperty("heartbeat_sent", out _), free.Stdout);
            Assert.Equal("sctp", freePolicy.RootElement.GetProperty("protocol").GetString());
            Assert.Equal("inet", freePolicy.RootElement.GetProperty("family").GetString());
        }
        finally
        {
            await fixture.ShellCheckedAsync("iptables -t raw -F; nfct flush timeout");
        }
    }

    private async Task AssertSameAsync(IReadOnlyList<string> steps, NfctSequence.Program program)
    {
        string reference = await NfctSequence.RunAsync(fixture, NfctSequence.Program.Nfct, steps);
        string netct = await NfctSequence.RunAsync(fixture, program, steps);
        Assert.Equal(reference, netct);
    }
}
