using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>
/// Without CAP_NET_ADMIN every command gets conntrack's permission message and exit 1 (-F even
/// prints its "emptied" line first, as conntrack does; -C and -S print what /proc holds first).
/// -E is tested with the event stream.
/// </summary>
public sealed class PermissionTests(UnprivilegedNetctContainerFixture fixture) : IClassFixture<UnprivilegedNetctContainerFixture>
{
    private const string Rules = "/tmp/netct-permission-rules.txt";

    public static TheoryData<string> Commands() =>
    [
        "-L",
        "-L -o xml",
        "-L dying",
        "-L unconfirmed",
        "-L -p tcp --dport 443",
        "-G -p tcp -s 192.0.2.1 -d 198.51.100.1 --sport 1 --dport 2",
        "-D -s 192.0.2.1",
        "-D",
        "-I -p tcp -s 192.0.2.1 -d 198.51.100.1 --sport 1 --dport 2 -t 10 --state ESTABLISHED",
        "-A -p udp -s 192.0.2.1 -d 198.51.100.1 --sport 1 --dport 2 -t 10",
        "-U -m 1",
        "-U -p udp -m 1",
        "-F",
        "-F -f ipv6",
        "-C",
        "-S",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommandGetsConntracksPermissionMessage(string commandLine)
    {
        var comparison = await fixture.AssertSameAsync(commandLine.Split(' '));

        Assert.Equal(1, comparison.Netct.ExitCode);
        Assert.EndsWith("Operation failed: sorry, you must be root or get CAP_NET_ADMIN capability to do this\n", comparison.Netct.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-E")]
    [InlineData("-E -e NEW -o xml")]
    [InlineData("-E expect")]
    public async Task EventsCannotOpenTheirSocket(string commandLine)
    {
        // The event socket is refused when it joins the multicast groups; each program says so in its
        // own words (conntrack: libmnl's perror line and "Can't open netlink socket"; for the
        // expectation table "Can't open handler"), before any event could arrive.
        var reference = await fixture.ShellAsync($"timeout 5 conntrack {commandLine}");
        var netct = await fixture.ShellAsync($"timeout 5 netct {commandLine}");

        Assert.Equal(1, reference.ExitCode);
        Assert.Equal(reference.ExitCode, netct.ExitCode);
        Assert.Equal(reference.Stdout, netct.Stdout);
        Assert.Equal(OutputMasking.NormalizeStderr(reference.Stderr), OutputMasking.NormalizeStderr(netct.Stderr));
    }

    [Fact]
    public async Task LoadFileGetsThePermissionMessageWithTheLineThatFailed()
    {
        await fixture.WriteFileAsync(Rules, "# two lines\n-I -p tcp -s 192.0.2.1 -d 198.51.100.1 --sport 1 --dport 2 -t 10 --state ESTABLISHED\n-D -s 192.0.2.1\n");
        var comparison = await fixture.CompareAsync("-R", Rules);

        Assert.Equal(1, comparison.Reference.ExitCode);
        Assert.Equal(1, comparison.Netct.ExitCode);
        Assert.Equal(
            OutputMasking.NormalizeStderr(comparison.Reference.Stderr).TrimEnd('\n') + " (line 2; 0 lines applied before it, none after it)\n",
            OutputMasking.NormalizeStderr(comparison.Netct.Stderr));
    }
}
