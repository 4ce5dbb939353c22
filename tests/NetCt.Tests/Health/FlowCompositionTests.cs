using System.Net;
using NetCt.Conntrack;

namespace NetCt.Tests.Health;

/// <summary>What fills a table, counted entry by entry.</summary>
public sealed class FlowCompositionTests
{
    internal static Flow Entry(byte protocol, string source, string destination, ushort port, FlowStatus status = FlowStatus.None,
        TcpState? tcp = null, ushort? zone = null) => new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple
        {
            Source = IPAddress.Parse(source), Destination = IPAddress.Parse(destination), Protocol = protocol,
            SourcePort = 40000, DestinationPort = port,
        },
        Status = status,
        Tcp = tcp is null ? null : new TcpInfo { State = tcp },
        Zone = zone,
    };

    [Fact]
    public void CountsByProtocolStateZoneAndStatus()
    {
        var composition = new FlowComposition();
        composition.Add(Entry(6, "192.0.2.1", "198.51.100.1", 443, FlowStatus.SeenReply | FlowStatus.Assured, TcpState.Established));
        composition.Add(Entry(6, "192.0.2.1", "198.51.100.1", 443, FlowStatus.SeenReply | FlowStatus.Assured, TcpState.Established, zone: 2));
        composition.Add(Entry(6, "192.0.2.2", "198.51.100.1", 80, FlowStatus.None, TcpState.SynSent));
        composition.Add(Entry(17, "192.0.2.3", "198.51.100.2", 53, FlowStatus.SeenReply));
        composition.Add(Entry(1, "192.0.2.3", "198.51.100.2", 0));

        Assert.Equal(5, composition.Entries);
        Assert.Equal(2, composition.Unreplied);
        Assert.Equal(2, composition.Assured);
        Assert.Equal(2, composition.ByProtocolState[new ProtocolStateKey(6, (byte)TcpState.Established)]);
        Assert.Equal(1, composition.ByProtocolState[new ProtocolStateKey(6, (byte)TcpState.SynSent)]);
        Assert.Equal(1, composition.ByProtocolState[new ProtocolStateKey(17, null)]);
        Assert.Equal(4, composition.ByZone[0]);
        Assert.Equal(1, composition.ByZone[2]);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), composition.Sources.Top(1)[0].Key);
        Assert.Equal(new KeyCount<IPAddress>(IPAddress.Parse("198.51.100.1"), 3, 0), composition.Destinations.Top(1)[0]);
        // ICMP has no ports: 4 port-carrying entries.
        Assert.Equal(4, composition.DestinationPorts.Total);
        Assert.Equal(new ProtocolPortKey(6, 443), composition.DestinationPorts.Top(1)[0].Key);
    }
}
