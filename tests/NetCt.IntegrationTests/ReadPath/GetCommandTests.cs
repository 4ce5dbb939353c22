using System.Text.RegularExpressions;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// <c>-G</c>: one entry by its tuple, for every protocol, in each format, filtered by id, and the
/// not-found, reply-tuple and incomplete-tuple cases, on <see cref="SampleTable"/>.
/// </summary>
public sealed partial class GetCommandTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private static readonly string[] Formats = ["", "extended", "xml", "save", "id", "ktimestamp", "labels", "extended,id", "xml,id"];

    private static readonly string[] Tuples =
    [
        "-s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443",
        "-s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353",
        "-s 198.51.100.2 -d 203.0.113.2 -p udplite --sport 54 --dport 5354",
        "-s 198.51.100.3 -d 203.0.113.3 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 42",
        "-s 2001:db8::1 -d 2001:db8::4 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 7",
        "-s 198.51.100.4 -d 203.0.113.4 -p sctp --sport 7 --dport 8",
        "-s 198.51.100.6 -d 203.0.113.6 -p gre --srckey 1 --dstkey 2",
        "-s 2001:db8::8 -d 2001:db8::9 -p gre --srckey 5 --dstkey 6",
        "-s 198.51.100.9 -d 203.0.113.9 -p 200",
        "-s 2001:db8::5 -d 2001:db8::6 -p tcp --sport 1 --dport 2",
        "-s 198.51.100.13 -d 203.0.113.13 -p udp --sport 5 --dport 6",
    ];

    [Fact]
    public async Task GetEveryProtocolInEveryFormat()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync(
            from tuple in Tuples
            from format in Formats
            select (format.Length == 0 ? $"-G {tuple}" : $"-G {tuple} -o {format}").Split(' '));
        Assert.All(comparisons, comparison => Assert.Equal(0, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task GetByReplyTupleFailsAlike()
    {
        // conntrack 1.4.8 sends a reply tuple alone and the kernel (6.18) answers EINVAL.
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-G -r 192.0.2.2 -q 192.0.2.1 -p tcp --reply-port-src 443 --reply-port-dst 1000",
            "-G -r 2001:db8::98 -q 2001:db8::5 -p udp --reply-port-src 2 --reply-port-dst 1 -o extended",
            "-G -r 203.0.113.9 -q 198.51.100.9 -p 200 -o xml"));
        Assert.All(comparisons, comparison => Assert.Equal(1, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task MissingEntryIsAKernelError()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-G -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 444",
            "-G -s 198.51.100.6 -d 203.0.113.6 -p gre --srckey 1 --dstkey 3",
            // -G looks in zone 0 (it takes no -w), where this entry is not.
            "-G -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80",
            "-G -s 2001:db8::1 -d 2001:db8::3 -p udp --sport 3000 --dport 4001 -o xml"));
        Assert.All(comparisons, comparison => Assert.Equal(1, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task IncompleteTuplesAreRefused()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-G", "-G -p tcp", "-G -s 192.0.2.1 -d 192.0.2.2", "-G -s 192.0.2.1 -p tcp --sport 1000 --dport 443",
            "-G -s 192.0.2.1 -d 192.0.2.2 -p tcp", "-G -s 192.0.2.1 -d 2001:db8::1 -p tcp --sport 1 --dport 2",
            "-G -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 -m 7",
            "-G -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80 -w 5"));
        Assert.All(comparisons, comparison => Assert.NotEqual(0, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task IdFiltersTheEntryFound()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var listing = await fixture.ConntrackAsync("-L", "-o", "id", "-s", "192.0.2.1");
        string id = IdField().Match(listing.Stdout).Groups[1].Value;
        Assert.NotEqual(string.Empty, id);

        const string Tuple = "-G -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443";
        var comparisons = await fixture.AssertAllSameAsync(Commands($"{Tuple} -i {id}", $"{Tuple} --id={id} -o id", $"{Tuple} -i 1"));
        Assert.Equal([0, 0, 1], comparisons.Select(comparison => comparison.Netct.ExitCode));
    }

    private static IEnumerable<string[]> Commands(params string[] lines) => lines.Select(line => line.Split(' '));

    [GeneratedRegex(@" id=(\d+)")]
    private static partial Regex IdField();
}
