using System.Net;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Decodes the messages captured from the kernel and checks every field they carry (see <see cref="CapturedMessages"/>).</summary>
public sealed class FlowDecoderFixtureTests
{
    private const FlowStatus NatDone = FlowStatus.SourceNatDone | FlowStatus.DestinationNatDone;

    [Fact]
    public void TcpEstablishedAssuredMarked()
    {
        Flow flow = Decode(CapturedMessages.TcpEstablishedAssuredMarked);

        Assert.Equal(IpFamily.IPv4, flow.Family);
        AssertPorts(flow.Original, "192.0.2.1", "198.51.100.2", 6, 1234, 80);
        AssertPorts(flow.Reply, "198.51.100.2", "192.0.2.1", 6, 80, 1234);
        Assert.Equal(FlowStatus.Assured | FlowStatus.Confirmed, flow.Status);
        Assert.Equal(7u, flow.Mark);
        Assert.Equal(3656992300u, flow.Id);
        Assert.Equal(1u, flow.Use);
        Assert.Equal(99u, flow.Timeout);
        Assert.NotNull(flow.Tcp);
        Assert.Equal(TcpState.Established, flow.Tcp.State);
        Assert.Equal((byte)0, flow.Tcp.WindowScaleOriginal);
        Assert.Equal((byte)0, flow.Tcp.WindowScaleReply);
        Assert.Equal(new TcpFlagsAndMask(0x0a, 0), flow.Tcp.FlagsOriginal);
        Assert.Equal(new TcpFlagsAndMask(0x0a, 0), flow.Tcp.FlagsReply);
        Assert.Equal(new Counters(0, 0), flow.OriginalCounters);
        Assert.Equal(new Counters(0, 0), flow.ReplyCounters);
        Assert.Equal(new FlowTimestamps(1795478459622699560, null), flow.Timestamps);
        Assert.Equal(new SynproxyInfo(0, 0, 0), flow.Synproxy);
        AssertAbsent(flow, zone: true, labels: true);
    }

    [Fact]
    public void Udp()
    {
        Flow flow = Decode(CapturedMessages.Udp);

        Assert.Equal(IpFamily.IPv4, flow.Family);
        AssertPorts(flow.Original, "192.0.2.1", "198.51.100.2", 17, 5353, 53);
        AssertPorts(flow.Reply, "198.51.100.2", "192.0.2.1", 17, 53, 5353);
        Assert.Equal(FlowStatus.Confirmed, flow.Status);
        Assert.Equal(0u, flow.Mark);
        Assert.Equal(524071917u, flow.Id);
        Assert.Equal(1u, flow.Use);
        Assert.Equal(29u, flow.Timeout);
        Assert.Equal(new Counters(0, 0), flow.OriginalCounters);
        Assert.Equal(new Counters(0, 0), flow.ReplyCounters);
        Assert.Equal(new FlowTimestamps(1795478459641025890, null), flow.Timestamps);
        Assert.Null(flow.Tcp);

        // Entries created over ctnetlink get the synproxy extension whatever their protocol.
        Assert.Equal(new SynproxyInfo(0, 0, 0), flow.Synproxy);
        AssertAbsent(flow, zone: true, labels: true);
    }

    [Fact]
    public void IcmpEcho()
    {
        Flow flow = Decode(CapturedMessages.IcmpEcho);

        Assert.Equal(IpFamily.IPv4, flow.Family);
        AssertIcmp(flow.Original, "192.0.2.1", "198.51.100.2", 1, type: 8, code: 0, id: 77);
        AssertIcmp(flow.Reply, "198.51.100.2", "192.0.2.1", 1, type: 0, code: 0, id: 77);
        Assert.Equal(FlowStatus.Confirmed, flow.Status);
        Assert.Equal(238875614u, flow.Id);
        Assert.Equal(29u, flow.Timeout);
        Assert.Equal(new FlowTimestamps(1795478459653917423, null), flow.Timestamps);
    }

    [Fact]
    public void Icmpv6EchoUsesTheSameFieldsAsIcmp()
    {
        Flow flow = Decode(CapturedMessages.Icmpv6Echo);

        Assert.Equal(IpFamily.IPv6, flow.Family);
        AssertIcmp(flow.Original, "2001:db8::1", "2001:db8::2", 58, type: 128, code: 0, id: 99);
        AssertIcmp(flow.Reply, "2001:db8::2", "2001:db8::1", 58, type: 129, code: 0, id: 99);
        Assert.Equal(74000458u, flow.Id);
        Assert.Equal(new FlowTimestamps(1795478459679136265, null), flow.Timestamps);
    }

    [Fact]
    public void SctpWithVerificationTags()
    {
        Flow flow = Decode(CapturedMessages.SctpWithVerificationTags);

        AssertPorts(flow.Original, "192.0.2.1", "198.51.100.2", 132, 5000, 6000);
        AssertPorts(flow.Reply, "198.51.100.2", "192.0.2.1", 132, 6000, 5000);
        Assert.Equal(573083021u, flow.Id);
        Assert.NotNull(flow.Sctp);
        Assert.Equal(SctpState.Established, flow.Sctp.State);

        // conntrack 1.4.8 sends --orig-vtag 10 / --reply-vtag 11 in host byte order.
        Assert.Equal(0x0a000000u, flow.Sctp.VerificationTagOriginal);
        Assert.Equal(0x0b000000u, flow.Sctp.VerificationTagReply);
        Assert.Null(flow.Tcp);
        Assert.Equal(new FlowTimestamps(1795478459706265654, null), flow.Timestamps);
    }

    [Fact]
    public void GreKeysArriveAsPorts()
    {
        Flow flow = Decode(CapturedMessages.GreKeys);

        AssertPorts(flow.Original, "192.0.2.1", "198.51.100.2", 47, 0x11, 0x22);
        AssertPorts(flow.Reply, "198.51.100.2", "192.0.2.1", 47, 0x22, 0x11);
        Assert.Equal(1591935122u, flow.Id);
        Assert.Equal(new FlowTimestamps(1795478459722369333, null), flow.Timestamps);
    }

    [Fact]
    public void Ipv6TcpInZone5()
    {
        Flow flow = Decode(CapturedMessages.Ipv6TcpZone5);

        Assert.Equal(IpFamily.IPv6, flow.Family);
        AssertPorts(flow.Original, "2001:db8::1", "2001:db8::2", 6, 1, 2);
        AssertPorts(flow.Reply, "2001:db8::2", "2001:db8::1", 6, 2, 1);
        Assert.Equal((ushort)5, flow.Zone);
        Assert.Null(flow.Original!.Zone);
        Assert.Equal(146340451u, flow.Id);
        Assert.Equal(TcpState.SynSent, flow.Tcp?.State);
        Assert.Equal(new FlowTimestamps(1795478459737675112, null), flow.Timestamps);
    }

    [Fact]
    public void UdpWithAnOriginalDirectionZone()
    {
        Flow flow = Decode(CapturedMessages.UdpOriginalZone3);

        AssertPorts(flow.Original, "192.0.2.5", "198.51.100.6", 17, 1, 2);
        Assert.Equal((ushort)3, flow.Original!.Zone);
        Assert.Null(flow.Reply!.Zone);
        Assert.Null(flow.Zone);
        Assert.Equal(4105119789u, flow.Id);
    }

    [Fact]
    public void SourceNatShowsInTheReplyTupleAndStatus()
    {
        Flow flow = Decode(CapturedMessages.SourceNat);

        AssertPorts(flow.Original, "192.0.2.7", "198.51.100.8", 6, 40000, 443);
        AssertPorts(flow.Reply, "198.51.100.8", "203.0.113.9", 6, 443, 40000);
        Assert.Equal(FlowStatus.Confirmed | FlowStatus.SourceNat | NatDone, flow.Status);
        Assert.Equal(59u, flow.Timeout);
        Assert.Equal(1065958425u, flow.Id);
        Assert.Null(flow.SourceNat);
        Assert.Equal(new FlowTimestamps(1795478459795675182, null), flow.Timestamps);
    }

    [Fact]
    public void DestinationNatWithPort()
    {
        Flow flow = Decode(CapturedMessages.DestinationNatWithPort);

        AssertPorts(flow.Original, "192.0.2.7", "198.51.100.9", 6, 40001, 80);
        AssertPorts(flow.Reply, "203.0.113.10", "192.0.2.7", 6, 8080, 40001);
        Assert.Equal(FlowStatus.Confirmed | FlowStatus.DestinationNat | NatDone, flow.Status);
        Assert.Equal(751103274u, flow.Id);
    }

    [Fact]
    public void LoopbackPingHasCounters()
    {
        Flow flow = Decode(CapturedMessages.LoopbackPingWithCounters);

        AssertIcmp(flow.Original, "127.0.0.1", "127.0.0.1", 1, type: 8, code: 0, id: 3491);
        AssertIcmp(flow.Reply, "127.0.0.1", "127.0.0.1", 1, type: 0, code: 0, id: 3491);
        Assert.Equal(FlowStatus.SeenReply | FlowStatus.Confirmed, flow.Status);
        Assert.Equal(new Counters(1, 84), flow.OriginalCounters);
        Assert.Equal(new Counters(1, 84), flow.ReplyCounters);
        Assert.Equal(new FlowTimestamps(1795478460119397889, null), flow.Timestamps);
        Assert.Equal(2056262907u, flow.Id);
    }

    [Fact]
    public void LoopbackUdpHasLabelsAndMark()
    {
        Flow flow = Decode(CapturedMessages.LoopbackUdpLabelledMarked);

        AssertPorts(flow.Original, "127.0.0.1", "127.0.0.1", 17, 55592, 9);
        Assert.Equal(42u, flow.Mark);
        Assert.Equal(new Counters(1, 31), flow.OriginalCounters);
        Assert.Equal(new Counters(0, 0), flow.ReplyCounters);
        byte[] labels = new byte[16];
        labels[0] = 1 << 5;
        Assert.Equal(labels, flow.Labels);
        Assert.Null(flow.LabelsMask);
        Assert.Equal(1663024101u, flow.Id);
    }

    private static Flow Decode(byte[] message) => FlowDecoder.Decode(new NetlinkMessage(message));

    internal static void AssertPorts(FlowTuple? tuple, string source, string destination, byte protocol, ushort sourcePort, ushort destinationPort)
    {
        Assert.NotNull(tuple);
        Assert.Equal(IPAddress.Parse(source), tuple.Source);
        Assert.Equal(IPAddress.Parse(destination), tuple.Destination);
        Assert.Equal(protocol, tuple.Protocol);
        Assert.Equal(sourcePort, tuple.SourcePort);
        Assert.Equal(destinationPort, tuple.DestinationPort);
        Assert.Null(tuple.IcmpType);
        Assert.Null(tuple.IcmpCode);
        Assert.Null(tuple.IcmpId);
    }

    private static void AssertIcmp(FlowTuple? tuple, string source, string destination, byte protocol, byte type, byte code, ushort id)
    {
        Assert.NotNull(tuple);
        Assert.Equal(IPAddress.Parse(source), tuple.Source);
        Assert.Equal(IPAddress.Parse(destination), tuple.Destination);
        Assert.Equal(protocol, tuple.Protocol);
        Assert.Equal(type, tuple.IcmpType);
        Assert.Equal(code, tuple.IcmpCode);
        Assert.Equal(id, tuple.IcmpId);
        Assert.Null(tuple.SourcePort);
        Assert.Null(tuple.DestinationPort);
        Assert.Null(tuple.Zone);
    }

    private static void AssertAbsent(Flow flow, bool zone, bool labels)
    {
        Assert.Null(flow.Master);
        Assert.Null(flow.Secmark);
        Assert.Null(flow.SecurityContext);
        Assert.Null(flow.Helper);
        Assert.Null(flow.EventTimestamp);
        Assert.Null(flow.SourceNat);
        Assert.Null(flow.DestinationNat);
        Assert.Null(flow.SequenceAdjustmentOriginal);
        Assert.Null(flow.SequenceAdjustmentReply);
        Assert.Null(flow.Sctp);
        Assert.Null(flow.Dccp);
        if (zone)
        {
            Assert.Null(flow.Zone);
        }

        if (labels)
        {
            Assert.Null(flow.Labels);
        }
    }
}
