using System.Net;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>What a -L/-D/-U/-E command line asks of the entries, as conntrack 1.4.8 judges them.</summary>
public sealed class FlowFilterBuilderTests
{
    private static readonly Flow GreFlow = new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple { Source = IPAddress.Parse("198.51.100.6"), Destination = IPAddress.Parse("203.0.113.6"), Protocol = 47, SourcePort = 1, DestinationPort = 2 },
        Reply = new FlowTuple { Source = IPAddress.Parse("203.0.113.6"), Destination = IPAddress.Parse("198.51.100.6"), Protocol = 47, SourcePort = 2, DestinationPort = 1 },
    };

    [Theory]
    [InlineData("-L -p gre --srckey 99")]
    [InlineData("-L -p gre --dstkey 99 -f ipv4")]
    [InlineData("-L -p gre --reply-key-src 99 --reply-key-dst 98")]
    public void GreKeysNeverFilter(string commandLine)
    {
        // nfct_cmp compares ports only for tcp, udp, udplite, dccp and sctp; GRE keys live in the port fields.
        var filter = FlowFilterBuilder.Build(ParseCommand(commandLine));

        Assert.True(filter.Matches(GreFlow));
        Assert.Null(filter.Original?.SourcePort ?? filter.Original?.DestinationPort);
        Assert.Null(filter.Reply?.SourcePort ?? filter.Reply?.DestinationPort);
    }

    [Fact]
    public void GreAddressesAndProtocolStillFilter()
    {
        Assert.False(FlowFilterBuilder.Build(ParseCommand("-L -p gre --srckey 1 -s 198.51.100.7")).Matches(GreFlow));
        Assert.False(FlowFilterBuilder.Build(ParseCommand("-L -p udp")).Matches(GreFlow));
    }

    [Fact]
    public void PortsOfPortProtocolsFilter()
    {
        var filter = FlowFilterBuilder.Build(ParseCommand("-L -p udplite --sport 54 --reply-port-src 5354"));

        Assert.Equal((ushort)54, filter.Original!.SourcePort);
        Assert.Equal((ushort)5354, filter.Reply!.SourcePort);
    }

    [Fact]
    public void SecmarkNeverFilters()
    {
        // conntrack 1.4.8 accepts -c with -L but nfct_cmp has no secmark comparison.
        var filter = FlowFilterBuilder.Build(ParseCommand("-L -c 5"));

        Assert.Null(filter.Secmark);
        Assert.True(filter.Matches(GreFlow));
    }
}
