using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Entries the kernel made from real loopback traffic (TCP held open and closed, UDP with replies,
/// ping, over IPv4 and IPv6) with per-flow counters and time stamps on: states, ASSURED and
/// SEEN_REPLY, packets/bytes, delta-time and the kernel time stamps, in every format and under the
/// filters that depend on them; and <c>-z</c>, which prints the counters and zeroes them.
/// </summary>
public sealed class LoopbackTrafficTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    // One UDP exchange from a fixed source port, so repeating it updates the same entry.
    private const string FixedUdpExchange =
        "python3 -c 'import socket\n" +
        "c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); c.bind((\"127.0.0.1\", 40000))\n" +
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((\"127.0.0.1\", 7001))\n" +
        "c.sendto(b\"0123456789\", (\"127.0.0.1\", 7001)); d, p = s.recvfrom(100); s.sendto(d, p); c.recvfrom(100)'";

    [Fact]
    public async Task ListRealFlowsInEveryFormat()
    {
        await MakeFlowsAsync();
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-L", "-L -o extended", "-L -o xml", "-L -o save", "-L -o id", "-L -o ktimestamp", "-L -o xml,ktimestamp",
            "-L -o extended,ktimestamp,id", "-L -o xml,id,extended", "-L -f ipv6 -o ktimestamp,extended"));
        var listing = comparisons[0].Netct.Stdout;
        Assert.Contains("[ASSURED]", listing);
        Assert.Contains("TIME_WAIT", listing);
        Assert.Contains("packets=", listing);
        Assert.Contains("delta-time=", listing);
        Assert.Contains("src=::1 ", listing);
    }

    [Fact]
    public async Task FilterRealFlows()
    {
        await MakeFlowsAsync();
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-L -u ASSURED", "-L -u SEEN_REPLY", "-L -u UNREPLIED", "-L -u !ASSURED", "-L -u !SEEN_REPLY -p udp",
            "-L -p tcp --state ESTABLISHED", "-L -p tcp --state TIME_WAIT", "-L -p tcp --dport 5001", "-L -p tcp --sport 5002",
            "-L -p tcp --reply-port-src 5101", "-L -p udp --dport 6001 -o extended", "-L -s 127.0.0.1", "-L -s ::1",
            "-L -d ::1 -p tcp", "-L -s 127.0.0.0/8 -d 127.0.0.1", "-L -s 127.0.0.1 --mask-src 255.0.0.0", "-L -s ::1/128",
            "-L -f ipv6", "-L -p icmp", "-L -p icmp --icmp-type 8 -s 127.0.0.0/8", "-L -p icmpv6 --icmpv6-type 128",
            "-L -p icmp --icmp-code 0 -o xml", "-L -m 0 -u ASSURED", "-L -w 0 -p tcp"));
        Assert.Contains("ESTABLISHED", comparisons[5].Netct.Stdout);
    }

    [Fact]
    public async Task ZeroingPrintsTheCountersThenClearsThem()
    {
        // One UDP entry, zeroed; before each program runs, one more exchange on the same entry (same id,
        // so even the xml matches) brings its counters to one packet each way. The kernel makes a UDP
        // entry ASSURED at the first packet more than 2 s after it was created: do that first, so the
        // status cannot change between the two runs.
        await fixture.ResetAsync();
        await fixture.EnableAccountingAsync();
        await fixture.EnableTimestampsAsync();
        await fixture.BringUpLoopbackAsync();
        await fixture.TrackLoopbackAsync();
        await fixture.ShellCheckedAsync(FixedUdpExchange + " && sleep 2.2 && " + FixedUdpExchange);
        await fixture.ExecCheckedAsync("conntrack", "-L", "-z");
        Task PrepareTable() => fixture.ShellCheckedAsync(FixedUdpExchange);

        var zero = await fixture.AssertSameAsync(["-L", "-z"], PrepareTable, inspect: ["-L"]);
        var (during, after) = SplitAfter(zero.Netct.Stdout);
        Assert.Contains("packets=1 bytes=38", during);
        Assert.Contains("[ASSURED]", during);
        Assert.Contains("packets=0 bytes=0", after);
        Assert.DoesNotContain("packets=1 ", after);

        await fixture.AssertSameAsync(["-L", "-z", "-o", "extended"], PrepareTable, inspect: ["-L", "-o", "extended"]);
        await fixture.AssertSameAsync(["-L", "-z", "-f", "ipv4", "-o", "xml"], PrepareTable, inspect: ["-L", "-o", "xml"]);
    }

    [Fact]
    public async Task ZeroingRefusesFilters()
    {
        var comparisons = await fixture.AssertAllSameAsync(Commands("-L -z -p udp", "-L -z -s 127.0.0.1", "-L -z -m 1", "-L -z -u ASSURED"));
        Assert.All(comparisons, comparison => Assert.Equal(2, comparison.Netct.ExitCode));
    }

    // The held connections outlive the class (the container goes first): one closing mid-class would
    // add entries between the two runs of a comparison.
    private async Task MakeFlowsAsync()
    {
        await fixture.ResetAsync();
        await fixture.EnableAccountingAsync();
        await fixture.EnableTimestampsAsync();
        await fixture.GenerateLoopbackFlowsAsync(tcp: 2, udp: 2, icmp: 2, holdSeconds: 600);
        await fixture.GenerateLoopbackFlowsAsync(tcp: 1, udp: 0, icmp: 0, tcpPort: 5101);
        await fixture.GenerateLoopbackFlowsAsync(tcp: 1, udp: 1, icmp: 1, ipv6: true, holdSeconds: 600, tcpPort: 5201, udpPort: 6201);
    }

    private static (string During, string After) SplitAfter(string stdout)
    {
        var parts = stdout.Split("--- after ---\n");
        return (parts[0], parts[1]);
    }

    private static IEnumerable<string[]> Commands(params string[] lines) => lines.Select(line => line.Split(' '));
}
