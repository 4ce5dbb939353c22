using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>Every field a request can carry survives <see cref="FlowEncoder"/> then <see cref="FlowDecoder"/>.</summary>
public sealed class FlowCodecRoundTripTests
{
    public static TheoryData<string> Flows => [.. Samples.Keys];

    private static readonly Dictionary<string, Func<Flow>> Samples = new()
    {
        ["tcp with every writable field"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tuple("192.0.2.1", "198.51.100.2", 6, 1234, 80, zone: 3),
            Reply = Tuple("198.51.100.2", "192.0.2.1", 6, 80, 1234, zone: 4),
            Master = Tuple("192.0.2.1", "198.51.100.2", 6, 1000, 21),
            Status = FlowStatus.Confirmed | FlowStatus.Assured | FlowStatus.SeenReply,
            Timeout = 120,
            Mark = 0xdeadbeef,
            Zone = 7,
            Helper = "ftp",
            Labels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
            LabelsMask = [0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80],
            Tcp = new TcpInfo
            {
                State = TcpState.TimeWait,
                WindowScaleOriginal = 7,
                WindowScaleReply = 8,
                FlagsOriginal = new TcpFlagsAndMask(0x0a, 0x0b),
                FlagsReply = new TcpFlagsAndMask(0x01, 0xff),
            },
            SourceNat = new NatRange { MinAddress = IPAddress.Parse("203.0.113.1"), MaxAddress = IPAddress.Parse("203.0.113.9"), MinPort = 1024, MaxPort = 65535 },
            DestinationNat = new NatRange { MinAddress = IPAddress.Parse("203.0.113.10"), MinPort = 8080 },
            SequenceAdjustmentOriginal = new SequenceAdjustment(100, 4, 8),
            SequenceAdjustmentReply = new SequenceAdjustment(200, 0xfffffff0, 12),
            Synproxy = new SynproxyInfo(0x01020304, 0x05060708, 0x090a0b0c),
        },
        ["ipv6 icmpv6"] = () => new Flow
        {
            Family = IpFamily.IPv6,
            Original = new FlowTuple { Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::2"), Protocol = 58, IcmpType = 128, IcmpCode = 0, IcmpId = 99 },
            Reply = new FlowTuple { Source = IPAddress.Parse("2001:db8::2"), Destination = IPAddress.Parse("2001:db8::1"), Protocol = 58, IcmpType = 129, IcmpCode = 0, IcmpId = 99 },
            Timeout = 30,
            SourceNat = new NatRange { MinAddress = IPAddress.Parse("2001:db8::9"), MaxAddress = IPAddress.Parse("2001:db8::a") },
        },
        ["icmp"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("198.51.100.2"), Protocol = 1, IcmpType = 8, IcmpCode = 0, IcmpId = 77 },
            Reply = new FlowTuple { Source = IPAddress.Parse("198.51.100.2"), Destination = IPAddress.Parse("192.0.2.1"), Protocol = 1, IcmpType = 0, IcmpCode = 0, IcmpId = 77 },
            Timeout = 30,
        },
        ["sctp"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tuple("192.0.2.1", "198.51.100.2", 132, 5000, 6000),
            Reply = Tuple("198.51.100.2", "192.0.2.1", 132, 6000, 5000),
            Sctp = new SctpInfo { State = SctpState.CookieEchoed, VerificationTagOriginal = 10, VerificationTagReply = 0xffffffff },
        },
        ["dccp"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tuple("192.0.2.1", "198.51.100.2", 33, 5000, 6000),
            Dccp = new DccpInfo { State = DccpState.PartOpen, Role = DccpRole.Server, HandshakeSequence = 0x0102030405060708 },
        },
        ["gre keys"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tuple("192.0.2.1", "198.51.100.2", 47, 0x11, 0x22),
            Reply = Tuple("198.51.100.2", "192.0.2.1", 47, 0x22, 0x11),
        },
        ["reply tuple only, protocol only"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Reply = new FlowTuple { Protocol = 17 },
            Mark = 0,
        },
        ["tcp state without flags"] = () => new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tuple("192.0.2.1", "198.51.100.2", 6, 1, 2),
            Tcp = new TcpInfo { State = TcpState.Established },
        },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void NewRequestRoundTrips(string name)
    {
        Flow flow = Samples[name]();

        Flow decoded = EncodeAndDecode(flow, FlowEncoder.WriteNew);

        FlowAssert.Equal(flow, decoded);
    }

    [Fact]
    public void StatusIsSentConfirmed()
    {
        Flow flow = Samples["sctp"]();
        flow.Status = FlowStatus.Assured;

        Assert.Equal(FlowStatus.Assured | FlowStatus.Confirmed, EncodeAndDecode(flow, FlowEncoder.WriteNew).Status);
    }

    [Fact]
    public void ReadOnlyFieldsAreNotSent()
    {
        Flow flow = Samples["icmp"]();
        flow.Use = 3;
        flow.Id = 4;
        flow.Secmark = 5;
        flow.SecurityContext = "system_u:object_r:unlabeled_t:s0";
        flow.OriginalCounters = new Counters(1, 2);
        flow.ReplyCounters = new Counters(3, 4);
        flow.Timestamps = new FlowTimestamps(5, 6);
        flow.EventTimestamp = 7;

        Flow decoded = EncodeAndDecode(flow, FlowEncoder.WriteNew);

        Assert.Null(decoded.Use);
        Assert.Null(decoded.Id);
        Assert.Null(decoded.Secmark);
        Assert.Null(decoded.SecurityContext);
        Assert.Null(decoded.OriginalCounters);
        Assert.Null(decoded.ReplyCounters);
        Assert.Null(decoded.Timestamps);
        Assert.Null(decoded.EventTimestamp);
    }

    [Fact]
    public void LookupSendsTheOriginalTupleAndZoneOnly()
    {
        Flow flow = Samples["tcp with every writable field"]();

        Flow decoded = EncodeAndDecode(flow, FlowEncoder.WriteLookup);

        FlowAssert.Equal(new Flow { Family = IpFamily.IPv4, Original = flow.Original, Zone = 7 }, decoded);
    }

    [Fact]
    public void LookupFallsBackToTheReplyTuple()
    {
        var flow = new Flow { Family = IpFamily.IPv4, Reply = Tuple("198.51.100.2", "192.0.2.1", 17, 53, 5353) };

        Flow decoded = EncodeAndDecode(flow, FlowEncoder.WriteLookup);

        FlowAssert.Equal(flow, decoded);
    }

    [Fact]
    public void DeleteAddsTheId()
    {
        Flow flow = Samples["icmp"]();
        flow.Id = 3656992300;

        Flow decoded = EncodeAndDecode(flow, FlowEncoder.WriteDelete);

        FlowAssert.Equal(new Flow { Family = IpFamily.IPv4, Original = flow.Original, Id = 3656992300 }, decoded);
    }

    [Fact]
    public void ARequestNeedsATuple()
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(Requests.CtNew, Requests.RequestAck, 1, AddressFamilies.AF_INET);

        Assert.Throws<ArgumentException>(() => FlowEncoder.WriteNew(writer, new Flow { Mark = 1 }));
    }

    [Fact]
    public void FamilyComesFromTheAddressesWhenUnset()
    {
        Assert.Equal(IpFamily.IPv6, FlowEncoder.FamilyOf(new Flow { Reply = new FlowTuple { Destination = IPAddress.Parse("2001:db8::1") } }));
        Assert.Equal(IpFamily.IPv4, FlowEncoder.FamilyOf(new Flow { Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1") } }));
        Assert.Equal(IpFamily.Unspecified, FlowEncoder.FamilyOf(new Flow { Original = new FlowTuple { Protocol = 6 } }));
        Assert.Equal(IpFamily.IPv6, FlowEncoder.FamilyOf(new Flow { Family = IpFamily.IPv6, Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1") } }));
    }

    internal static FlowTuple Tuple(string source, string destination, byte protocol, ushort sourcePort, ushort destinationPort, ushort? zone = null) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        Protocol = protocol,
        SourcePort = sourcePort,
        DestinationPort = destinationPort,
        Zone = zone,
    };

    private static Flow EncodeAndDecode(Flow flow, Action<NetlinkWriter, Flow> encode)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(Requests.CtNew, Requests.RequestAck, 1, (byte)FlowEncoder.FamilyOf(flow));
        encode(writer, flow);
        writer.EndMessage();
        return FlowDecoder.Decode(new NetlinkMessage(writer.GetMessage(0)));
    }
}
