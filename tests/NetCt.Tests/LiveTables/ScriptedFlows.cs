using System.Net;
using NetCt.Conntrack;

namespace NetCt.Tests.LiveTables;

/// <summary>Entries and events for scripting a <see cref="LiveTable"/>, as the kernel would send them.</summary>
internal static class ScriptedFlows
{
    public static Flow Tcp(uint id, string source, string destination, ushort sourcePort, ushort destinationPort,
        TcpState state = TcpState.Established, uint? mark = null, ushort? zone = null, uint timeout = 100,
        FlowStatus status = FlowStatus.Confirmed | FlowStatus.SeenReply | FlowStatus.Assured, Counters? counters = null) => new()
    {
        Family = IPAddress.Parse(source).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4,
        Id = id,
        Original = new FlowTuple { Source = IPAddress.Parse(source), Destination = IPAddress.Parse(destination), Protocol = 6, SourcePort = sourcePort, DestinationPort = destinationPort },
        Reply = new FlowTuple { Source = IPAddress.Parse(destination), Destination = IPAddress.Parse(source), Protocol = 6, SourcePort = destinationPort, DestinationPort = sourcePort },
        Tcp = new TcpInfo { State = state },
        Status = status,
        Mark = mark,
        Zone = zone,
        Timeout = timeout,
        OriginalCounters = counters,
        ReplyCounters = counters,
    };

    public static Flow Udp(uint id, string source, string destination, ushort destinationPort, uint timeout = 30) => new()
    {
        Family = IpFamily.IPv4,
        Id = id,
        Original = new FlowTuple { Source = IPAddress.Parse(source), Destination = IPAddress.Parse(destination), Protocol = 17, SourcePort = 40000, DestinationPort = destinationPort },
        Status = FlowStatus.Confirmed,
        Timeout = timeout,
    };

    public static Flow Icmp(uint id, string source, string destination) => new()
    {
        Family = IpFamily.IPv4,
        Id = id,
        Original = new FlowTuple { Source = IPAddress.Parse(source), Destination = IPAddress.Parse(destination), Protocol = 1, IcmpType = 8, IcmpCode = 0, IcmpId = 77 },
        Status = FlowStatus.Confirmed,
        Timeout = 30,
    };

    public static FlowEvent New(Flow flow) => new(FlowEventType.New, flow, 0);

    public static FlowEvent Update(Flow flow) => new(FlowEventType.Update, flow, 0);

    public static FlowEvent Destroy(uint id) => new(FlowEventType.Destroy, new Flow { Family = IpFamily.IPv4, Id = id }, 0);
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
