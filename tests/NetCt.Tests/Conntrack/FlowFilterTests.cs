using System.Net;
using NetCt.Conntrack;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

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

    // Every judgement is made on the Flow and, through the entry message it encodes to, on the
    // entry read in place (FlowView): the two must agree.
    private static bool Judge(FlowFilter filter, Flow flow)
    {
        NetlinkMessage message = EntryMessage(flow);
        Assert.True(FlowView.TryRead(message, out FlowView view));
        Assert.Equal(filter.Matches(FlowDecoder.Decode(message)), filter.Matches(ref view));
        return filter.Matches(flow);
    }

    private static FlowFilter SourceUnder(string source, string mask) => new()
    {
        Original = new FlowTuple { Source = IPAddress.Parse(source) },
        OriginalSourceMask = IPAddress.Parse(mask),
    };

    private static NetlinkMessage EntryMessage(Flow flow)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(Requests.CtNew, 0, 1, (byte)FlowEncoder.FamilyOf(flow));
        FlowEncoder.WriteNew(writer, flow);
        writer.EndMessage();
        return new NetlinkMessage(writer.GetMessage(0).ToArray());
    }

    [Fact]
    public void EmptyFilterMatchesEverything()
    {
        var filter = new FlowFilter();
        Assert.True(filter.IsEmpty);
        Assert.True(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Fact]
    public void OriginalFieldsMustAllMatch()
    {
        var filter = new FlowFilter { Original = new FlowTuple { Protocol = 6, DestinationPort = 443 } };
        Assert.True(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1000, 443)));
        Assert.False(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1000, 80)));
    }

    [Fact]
    public void FieldAbsentFromTheEntryDoesNotMatch()
    {
        var filter = new FlowFilter { Original = new FlowTuple { IcmpType = 8 } };
        Assert.False(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Fact]
    public void AbsentTupleZoneCountsAsZero()
    {
        var zoneZero = new FlowFilter { Original = new FlowTuple { Zone = 0 } };
        var zoneThree = new FlowFilter { Original = new FlowTuple { Zone = 3 } };
        var unzoned = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        var originalZoneThree = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        originalZoneThree.Original!.Zone = 3;

        Assert.True(Judge(zoneZero, unzoned));
        Assert.False(Judge(zoneZero, originalZoneThree));
        Assert.False(Judge(zoneThree, unzoned));
        Assert.True(Judge(zoneThree, originalZoneThree));
    }

    [Theory]
    [InlineData("198.51.100.7", true)]
    [InlineData("198.51.101.7", false)]
    public void SourceNetmaskIsApplied(string source, bool expected)
    {
        Assert.Equal(expected, Judge(SourceUnder("198.51.100.0", "255.255.255.0"), Tcp(source, "192.0.2.1", 1, 2)));
    }

    [Fact]
    public void Ipv6NetmaskIsApplied()
    {
        var filter = SourceUnder("2001:db8::", "ffff:ffff::");
        Assert.True(Judge(filter, Tcp("2001:db8::5", "2001:db8::1", 1, 2)));
        Assert.False(Judge(filter, Tcp("2001:db9::5", "2001:db8::1", 1, 2)));
        Assert.False(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2)));
    }

    [Fact]
    public void AMaskOfTheOtherFamilyMatchesNothing()
    {
        var filter = SourceUnder("198.51.100.0", "ffff:ffff::");
        Assert.False(Judge(filter, Tcp("198.51.100.7", "192.0.2.1", 1, 2)));
        Assert.False(Judge(filter, Tcp("2001:db8::5", "2001:db8::1", 1, 2)));
    }

    // Each filter keeps its addresses as bytes once judged with (AddressPattern): an address or a
    // mask set afterwards must still be the one that counts.
    [Fact]
    public void AddressesChangedBetweenJudgementsAreTheOnesJudged()
    {
        var near = Tcp("198.51.100.7", "192.0.2.1", 1, 2);
        var far = Tcp("203.0.113.7", "192.0.2.1", 1, 2);
        var filter = new FlowFilter { Original = new FlowTuple { Source = IPAddress.Parse("198.51.100.7") } };
        Assert.True(Judge(filter, near));
        Assert.False(Judge(filter, far));

        filter.Original.Source = IPAddress.Parse("203.0.113.7");
        Assert.False(Judge(filter, near));
        Assert.True(Judge(filter, far));

        filter.Original.Source = IPAddress.Parse("198.51.100.0");
        filter.OriginalSourceMask = IPAddress.Parse("255.255.255.0");
        Assert.True(Judge(filter, near));
        filter.OriginalSourceMask = IPAddress.Parse("255.255.255.255");
        Assert.False(Judge(filter, near));

        filter.Original = new FlowTuple { Destination = IPAddress.Parse("192.0.2.1") };
        Assert.True(Judge(filter, far));

        var nat = new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9") } };
        var natted = Tcp("192.0.2.1", "198.51.100.2", 1000, 80, FlowStatus.SourceNat | FlowStatus.SourceNatDone, replyDst: "203.0.113.9");
        Assert.True(Judge(nat, natted));
        nat.SourceNat.Address = IPAddress.Parse("203.0.113.8");
        Assert.False(Judge(nat, natted));
    }

    [Theory]
    [InlineData(0x13u, true)]
    [InlineData(0x03u, true)]
    [InlineData(0x02u, false)]
    public void MarkIsComparedUnderItsMask(uint entryMark, bool expected)
    {
        var filter = new FlowFilter { Mark = 3, MarkMask = 0x0f };
        Assert.Equal(expected, Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2, mark: entryMark)));
    }

    [Fact]
    public void AbsentMarkCountsAsZero()
    {
        var filter = new FlowFilter { Mark = 0 };
        Assert.True(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2, mark: null)));
    }

    [Fact]
    public void StatusWithSetAndClearBitsMatchesWhatItSays()
    {
        // "ASSURED,!SEEN_REPLY": ASSURED must be set and SEEN_REPLY clear.
        var filter = new FlowFilter { Status = FlowStatus.Assured, StatusMask = FlowStatus.Assured | FlowStatus.SeenReply };
        Assert.True(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Assured | FlowStatus.Confirmed)));
        Assert.False(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Assured | FlowStatus.SeenReply)));
        Assert.False(Judge(filter, Tcp("192.0.2.1", "198.51.100.2", 1, 2, FlowStatus.Confirmed)));
    }

    [Fact]
    public void SourceNatIsJudgedFromTheReplyTuple()
    {
        var natted = Tcp("192.0.2.1", "198.51.100.2", 1000, 80, FlowStatus.SourceNat | FlowStatus.SourceNatDone,
            replyDst: "203.0.113.9", replyDport: 2000);
        var plain = Tcp("192.0.2.1", "198.51.100.2", 1000, 80);

        Assert.True(Judge(new FlowFilter { SourceNat = new NatFilter() }, natted));
        Assert.False(Judge(new FlowFilter { SourceNat = new NatFilter() }, plain));
        Assert.True(Judge(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9") } }, natted));
        Assert.False(Judge(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.8") } }, natted));
        Assert.True(Judge(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9"), Port = 2000 } }, natted));
        Assert.False(Judge(new FlowFilter { SourceNat = new NatFilter { Address = IPAddress.Parse("203.0.113.9"), Port = 2001 } }, natted));
        Assert.False(Judge(new FlowFilter { DestinationNat = new NatFilter() }, natted));
        Assert.True(Judge(new FlowFilter { SourceNat = new NatFilter(), DestinationNat = new NatFilter(), AnyNat = true }, natted));
    }

    [Fact]
    public void Ipv6DestinationNatIsJudgedOnTheWholeAddress()
    {
        // Only the last bits differ: conntrack compares the first 32 bits and misses this one.
        var natted = Tcp("2001:db8::1", "2001:db8::2", 1000, 80, FlowStatus.DestinationNat | FlowStatus.DestinationNatDone,
            replySrc: "2001:db8::99");
        Assert.True(Judge(new FlowFilter { DestinationNat = new NatFilter() }, natted));
        Assert.True(Judge(new FlowFilter { DestinationNat = new NatFilter { Address = IPAddress.Parse("2001:db8::99") } }, natted));
        Assert.False(Judge(new FlowFilter { DestinationNat = new NatFilter { Address = IPAddress.Parse("2001:db8::98") } }, natted));
    }

    [Fact]
    public void LabelsMustAllBeSet()
    {
        var flow = Tcp("192.0.2.1", "198.51.100.2", 1, 2);
        flow.Labels = [0b0000_0101, 0];
        Assert.True(Judge(new FlowFilter { Labels = [0b0000_0001] }, flow));
        Assert.False(Judge(new FlowFilter { Labels = [0b0000_0011] }, flow));
        Assert.False(Judge(new FlowFilter { Labels = [0, 0, 1] }, flow));
    }

    [Fact]
    public void EntriesReadInPlaceAreJudgedAsTheirDecodedForm()
    {
        // Captured entries of every kind, against filters built from each one's own values (so
        // that each filter matches its own entry at least) and from variations of them.
        Flow[] entries = [.. CapturedMessages.MixedEntries.Select(bytes => FlowDecoder.Decode(new NetlinkMessage(bytes)))];
        FlowFilter[] filters = [.. entries.SelectMany(FiltersFrom)];
        int matches = 0, judgements = 0;
        foreach (byte[] bytes in CapturedMessages.MixedEntries)
        {
            var message = new NetlinkMessage(bytes);
            Flow decoded = FlowDecoder.Decode(message);
            Assert.True(FlowView.TryRead(message, out FlowView view));
            foreach (FlowFilter filter in filters)
            {
                bool expected = filter.Matches(decoded);
                Assert.Equal(expected, filter.Matches(ref view));
                matches += expected ? 1 : 0;
                judgements++;
            }
        }

        // Both outcomes are exercised, many times over.
        Assert.InRange(matches, judgements / 20, judgements - judgements / 5);
    }

    private static IEnumerable<FlowFilter> FiltersFrom(Flow entry)
    {
        FlowTuple original = entry.Original!, reply = entry.Reply!;
        yield return new FlowFilter { Family = entry.Family };
        yield return new FlowFilter { Original = original };
        yield return new FlowFilter { Reply = reply };
        yield return new FlowFilter { Original = new FlowTuple { Source = original.Source }, OriginalSourceMask = Netmask(original.Source!, 24) };
        yield return new FlowFilter { Original = new FlowTuple { Destination = original.Destination }, OriginalDestinationMask = Netmask(original.Destination!, 31) };
        yield return new FlowFilter { Original = new FlowTuple { Protocol = original.Protocol, DestinationPort = original.DestinationPort, Zone = original.Zone ?? 0 } };
        yield return new FlowFilter { Reply = new FlowTuple { IcmpType = reply.IcmpType, IcmpCode = reply.IcmpCode, IcmpId = reply.IcmpId } };
        yield return new FlowFilter { Mark = entry.Mark ?? 0 };
        yield return new FlowFilter { Mark = 1, MarkMask = 1 };
        yield return new FlowFilter { Status = entry.Status, StatusMask = entry.Status ?? FlowStatus.None };
        yield return new FlowFilter { Status = FlowStatus.Assured, StatusMask = FlowStatus.Assured | FlowStatus.SeenReply };
        yield return new FlowFilter { Zone = entry.Zone ?? 0 };
        yield return new FlowFilter { Id = entry.Id, Secmark = entry.Secmark };
        yield return new FlowFilter { TcpState = entry.Tcp?.State, SctpState = entry.Sctp?.State, DccpState = entry.Dccp?.State };
        yield return new FlowFilter { Labels = entry.Labels ?? [1] };
        yield return new FlowFilter { SourceNat = new NatFilter() };
        yield return new FlowFilter { DestinationNat = new NatFilter { Port = reply.SourcePort } };
        yield return new FlowFilter { SourceNat = new NatFilter { Address = reply.Destination }, DestinationNat = new NatFilter { Address = reply.Source }, AnyNat = true };
    }

    private static IPAddress Netmask(IPAddress address, int prefix)
    {
        byte[] mask = new byte[address.GetAddressBytes().Length];
        for (int bit = 0; bit < prefix; bit++)
            mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return new IPAddress(mask);
    }
}
