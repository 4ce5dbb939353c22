using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// <c>-L -p PROTO</c> for every protocol netct knows, by name and by number, in each format, on
/// <see cref="SampleTable"/>: the protocol-specific fields (TCP and SCTP states, ICMP type/code/id,
/// GRE keys, generic entries without ports) print as conntrack prints them.
/// </summary>
public sealed class ProtocolListingTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private static readonly string[] Formats = ["", "extended", "xml", "save", "id", "extended,id", "xml,id"];

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    [InlineData("udplite")]
    [InlineData("icmp")]
    [InlineData("icmpv6")]
    [InlineData("sctp")]
    [InlineData("gre")]
    [InlineData("dccp")]
    [InlineData("200")]
    [InlineData("6")]
    [InlineData("17")]
    [InlineData("47")]
    [InlineData("58")]
    [InlineData("132")]
    [InlineData("136")]
    public async Task ListOneProtocolInEveryFormat(string protocol)
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync(
            Formats.Select(format => format.Length == 0 ? new[] { "-L", "-p", protocol } : ["-L", "-p", protocol, "-o", format]));
        Assert.All(comparisons, comparison => Assert.NotEqual(string.Empty, comparison.Netct.Stdout));
    }

    [Fact]
    public async Task ListOneProtocolOfOneFamily()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync([
            ["-L", "-p", "tcp", "-f", "ipv6"],
            ["-L", "-p", "udp", "-f", "ipv4"],
            ["-L", "-p", "sctp", "-f", "ipv6", "-o", "extended"],
            ["-L", "-p", "gre", "-f", "ipv6", "-o", "xml"],
            ["-L", "-p", "200", "-f", "ipv6", "-o", "save"],
            ["-L", "-p", "udplite", "-f", "ipv6", "-o", "extended"],
        ]);
        Assert.All(comparisons, comparison => Assert.NotEqual(string.Empty, comparison.Netct.Stdout));
    }

    [Fact]
    public async Task ProtocolWithoutEntriesListsNothing()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync([
            ["-L", "-p", "253"],
            ["-L", "-p", "253", "-o", "xml"],
            ["-L", "-p", "icmp", "-f", "ipv6"],
        ]);
        Assert.All(comparisons, comparison => Assert.Equal(string.Empty, comparison.Netct.Stdout));
    }
}
