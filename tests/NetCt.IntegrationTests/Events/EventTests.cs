using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Events;

/// <summary>
/// <c>-E</c> against conntrack 1.4.8: both listen at once in the same container while entries are
/// created, updated and deleted with the reference conntrack and real packets cross loopback; their
/// output must be the same once time stamps and the [USERSPACE] port ids/program names are masked,
/// and so must the exit code and stderr (the summary after SIGINT or SIGTERM).
/// </summary>
public sealed class EventTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("-o extended")]
    [InlineData("-o timestamp")]
    [InlineData("-o extended,id,timestamp")]
    [InlineData("-o xml")]
    [InlineData("-o save")]
    [InlineData("-o ktimestamp")]
    [InlineData("-e NEW")]
    [InlineData("-e UPDATES")]
    [InlineData("-e DESTROY")]
    [InlineData("-e NEW,DESTROY -o extended")]
    [InlineData("-e ALL")]
    [InlineData("-p tcp")]
    [InlineData("-p udp --dport 53")]
    [InlineData("-s 192.0.2.1")]
    [InlineData("-d 198.51.100.0/24")]
    [InlineData("-f ipv6")]
    [InlineData("-m 5")]
    [InlineData("-m 4/4")]
    [InlineData("-w 3")]
    [InlineData("-p tcp --state ESTABLISHED")]
    [InlineData("-s 127.0.0.1 -o extended")]
    public async Task EventsMatchTheReference(string arguments)
    {
        var (reference, netct) = await RunAsync(arguments);
        Assert.NotEqual(string.Empty, reference.Stdout);
        AssertSame(reference, netct);
    }

    // conntrack 1.4.8 shows none of the events here (an event's status and zone attributes do not
    // compare as a dump's do); netct must agree.
    [Theory]
    [InlineData("-u ASSURED")]
    [InlineData("--orig-zone 3")]
    public async Task FiltersThatMatchNoEventMatchNoneInNetctEither(string arguments)
    {
        var (reference, netct) = await RunAsync(arguments);
        Assert.Equal(string.Empty, reference.Stdout);
        AssertSame(reference, netct);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task ASignalEndsTheStreamWithTheSummaryAndExitZero(string signal)
    {
        await fixture.ResetAsync();
        var listeners = new EventListeners(fixture, "-o xml");
        await listeners.StartAsync();
        await fixture.CreateAsync("-p udp -s 192.0.2.9 -d 198.51.100.9 --sport 1 --dport 2 -t 100".Split(' '));
        var (reference, netct) = await listeners.StopAsync(signal);
        Assert.Equal(0, netct.ExitCode);
        Assert.EndsWith("1 flow events have been shown.\n", netct.Stderr);
        Assert.EndsWith("</conntrack>\n", netct.Stdout);
        AssertSame(reference, netct);
    }

    [Fact]
    public async Task BufferSizeIsReportedAsConntrackDoes()
    {
        var (reference, netct) = await RunAsync("-b 100000");
        Assert.StartsWith("NOTICE: Netlink socket buffer size has been set to 200000 bytes.\n", netct.Stderr);
        AssertSame(reference, netct);
    }

    [Fact]
    public async Task MarkZeroAlsoShowsDestroyEventsWhichCarryNoMark()
    {
        // Deliberate difference: the kernel leaves a zero mark out of events (DESTROY events, and
        // NEW events of entries it creates for packets), and conntrack's -m 0 then drops them;
        // netct counts a missing mark as 0.
        var (reference, netct) = await RunAsync("-m 0");
        string[] referenceLines = EventListeners.Masked(reference.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] netctLines = EventListeners.Masked(netct.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        static bool Unmarked(string line) => !line.Contains("mark=", StringComparison.Ordinal);
        Assert.DoesNotContain(referenceLines, Unmarked);
        Assert.Contains(netctLines, line => line.StartsWith("[DESTROY]", StringComparison.Ordinal) && line.Contains("src=192.0.2.3", StringComparison.Ordinal) && Unmarked(line));
        Assert.Equal(referenceLines, netctLines.Where(line => !Unmarked(line)));
    }

    private async Task<(CommandResult Reference, CommandResult Netct)> RunAsync(string arguments)
    {
        await fixture.ResetAsync();
        await fixture.BringUpLoopbackAsync();
        await fixture.TrackLoopbackAsync();
        var listeners = new EventListeners(fixture, arguments);
        await listeners.StartAsync();
        await fixture.ShellCheckedAsync(string.Join(" && ",
            "conntrack -I -p tcp -s 192.0.2.1 -d 198.51.100.1 --sport 1000 --dport 80 --state ESTABLISHED -t 100 -u ASSURED",
            "conntrack -I -p udp -s 192.0.2.2 -d 198.51.100.2 --sport 5353 --dport 53 -t 100 -m 5",
            "conntrack -I -p udp -s 192.0.2.3 -d 198.51.100.3 --sport 7 --dport 8 -t 100 -w 3",
            "conntrack -I -p tcp -s 2001:db8::1 -d 2001:db8::2 --sport 1 --dport 2 --state SYN_SENT -t 100 -m 12",
            "conntrack -U -p tcp -s 192.0.2.1 -m 4",
            "conntrack -D -p udp -s 192.0.2.2",
            "conntrack -D -w 3",
            "conntrack -D -f ipv6",
            "python3 -c \"import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'x', ('127.0.0.1', 9999))\"",
            "conntrack -D -p tcp >/dev/null") + " >/dev/null 2>&1");
        return await listeners.StopAsync();
    }

    private static void AssertSame(CommandResult reference, CommandResult netct)
    {
        Assert.Equal(EventListeners.Masked(reference.Stdout), EventListeners.Masked(netct.Stdout));
        Assert.Equal(OutputMasking.NormalizeStderr(reference.Stderr), OutputMasking.NormalizeStderr(netct.Stderr));
        Assert.Equal(reference.ExitCode, netct.ExitCode);
    }
}
