using System.Net;
using NetCt.Conntrack;

namespace NetCt.Tests.Conntrack;

public class FlowFilterTests
{
    private static Flow Tcp(string src, string dst, ushort sport, ushort dport, FlowStatus status = FlowStatus.Confirmed,
        string? replySrc = null, string? replyDst = null, ushort? replySport = null, ushort? replyDport = null, uint? mark = 0)
        => new()
        {
            Family = src.Contains(':') ? IpFamily.IPv6 : IpFamily.IPv4,
            Original = new FlowTuple { Source = IPAddress.Parse(src), Destination = IPAddress.Parse(dst), Protocol = 6, SourcePort = sport, DestinationPort = dport },
            Reply = new FlowTuple
            {
                Source = IPAddress.Parse(replySrc ?? dst),
                Destination = IPAddress.Parse(replyDst ?? src),
                Protocol = 6,
                SourcePort = replySport ?? dport,
                DestinationPort = replyDport ?? sport,
            },
            Status = status,
            Mark = mark,
            Tcp = new TcpInfo { State = TcpState.Established },
        };

    [Fact]
    public void EmptyFilterMatchesEverything()
    {
        var filter = new FlowFilter();
        Assert.True(filter.IsEmpty);
        Assert.True(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Fact]
    public void OriginalFieldsMustAllMatch()
    {
        var filter = new FlowFilter { Original = new FlowTuple { Protocol = 6, DestinationPort = 443 } };
        Assert.True(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1000, 443)));
        Assert.False(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1000, 80)));
    }

    [Fact]
    public void FieldAbsentFromTheEntryDoesNotMatch()
    {
        var filter = new FlowFilter { Original = new FlowTuple { IcmpType = 8 } };
        Assert.False(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Fact]
    public void AbsentTupleZoneCountsAsZero()
    {
        var zoneZero = new FlowFilter { Original = new FlowTuple { Zone = 0 } };
        var zoneThree = new FlowFilter { Original = new FlowTuple { Zone = 3 } };
        var unzoned = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        var originalZoneThree = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        originalZoneThree.Original!.Zone = 3;

        Assert.True(zoneZero.Matches(unzoned));
        Assert.False(zoneZero.Matches(originalZoneThree));
        Assert.False(zoneThree.Matches(unzoned));
        Assert.True(zoneThree.Matches(originalZoneThree));
    }

    [Theory]
    [InlineData("198.51.100.7", true)]
    [InlineData("198.51.101.7", false)]
    public void SourceNetmaskIsApplied(string source, bool expected)
    {
        var filter = new FlowFilter
        {
            Original = new FlowTuple { Source = IPAddress.Parse("198.51.100.0") },
            OriginalSourceMask = IPAddress.Parse("255.255.255.0"),
        };
        Assert.Equal(expected, filter.Matches(Tcp(source, "192.0.2.1", 1, 2)));
    }

    [Fact]
    public void Ipv6NetmaskIsApplied()
    {
        var filter = new FlowFilter
        {
            Original = new FlowTuple { Source = IPAddress.Parse("2001:db8::") },
            OriginalSourceMask = IPAddress.Parse("ffff:ffff::"),
        };
        Assert.True(filter.Matches(Tcp("2001:db8::5", "2001:db8::1", 1, 2)));
        Assert.False(filter.Matches(Tcp("2001:db9::5", "2001:db8::1", 1, 2)));
        Assert.False(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Theory]
    [InlineData(0x13u, true)]
    [InlineData(0x03u, true)]
    [InlineData(0x02u, false)]
    public void MarkIsComparedUnderItsMask(uint entryMark, bool expected)
    {
        var filter = new FlowFilter { Mark = 3, MarkMask = 0x0f };
        Assert.Equal(expected, filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2, mark: entryMark)));
    }

    [Fact]
    public void AbsentMarkCountsAsZero()
    {
        var filter = new FlowFilter { Mark = 0 };
        Assert.True(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2, mark: null)));
    }

    [Fact]
    public void StatusWithSetAndClearBitsMatchesWhatItSays()
    {
        // "ASSURED,!SEEN_REPLY": ASSURED must be set and SEEN_REPLY clear.
        var filter = new FlowFilter { Status = FlowStatus.Assured, StatusMask = FlowStatus.Assured | FlowStatus.SeenReply };
        Assert.True(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Assured | FlowStatus.Confirmed)));
        Assert.False(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Assured | FlowStatus.SeenReply)));
        Assert.False(filter.Matches(Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Confirmed)));
    }

    [Fact]
    public void SourceNatIsJudgedFromTheReplyTuple()
    {
        var natted = Tcp("192.0.2.1", "198.51.100.2", 1000, 80, FlowStatus.SourceNat | FlowStatus.SourceNatDone,
            replyDst: "203.0.113.9", replyDport: 2000);
        var plain = Tcp("192.0.2.1", "198.51.100.2", 1000, 80);

        Assert.True(new FlowFilter { SourceNat = new NatFilter() }.Matches(natted));
        Assert.False(new FlowFilter { SourceNat = new NatFilter() }.Matches(plain));
        Assert.True(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9") } }.Matches(natted));
        Assert.False(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.8") } }.Matches(natted));
        Assert.True(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9"), Port = 2000 } }.Matches(natted));
        Assert.False(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9"), Port = 2001 } }.Matches(natted));
        Assert.False(new FlowFilter { DestinationNat = new NatFilter() }.Matches(natted));
        Assert.True(new FlowFilter { SourceNat = new NatFilter(), DestinationNat = new NatFilter(), AnyNat = true }.Matches(natted));
    }

    [Fact]
    public void Ipv6DestinationNatIsJudgedOnTheWholeAddress()
    {
        // Only the last bits differ: conntrack compares the first 32 bits and misses this one.
        var natted = Tcp("2001:db8::1", "2001:db8::2", 1000, 80, FlowStatus.DestinationNat | FlowStatus.DestinationNatDone,
            replySrc: "2001:db8::99");
        Assert.True(new FlowFilter { DestinationNat = new NatFilter() }.Matches(natted));
        Assert.True(new FlowFilter { DestinationNat = new NatFilter { Address = IPAddress.Parse("2001:db8::99") } }.Matches(natted));
        Assert.False(new FlowFilter { DestinationNat = new NatFilter { Address = IPAddress.Parse("2001:db8::98") } }.Matches(natted));
    }

    [Fact]
    public void LabelsMustAllBeSet()
    {
        var flow = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        flow.Labels = [0b0000_0101, 0];
        Assert.True(new FlowFilter { Labels = [0b0000_0001] }.Matches(flow));
        Assert.False(new FlowFilter { Labels = [0b0000_0011] }.Matches(flow));
        Assert.False(new FlowFilter { Labels = [0, 0, 1] }.Matches(flow));
    }
}
