using System.Net;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>
/// The entry -I and -A send, completed as conntrack 1.4.8 and libnetfilter_conntrack complete it
/// (the resulting tables are compared with the reference's in the WritePath integration tests).
/// </summary>
public sealed class NewEntryTests
{
    private static Flow Entry(string commandLine) => NewEntry.From(ParseCommand(commandLine));

    [Fact]
    public void TheMissingReplyIsTheOriginalTurnedAround()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1234 --dport 80 --state ESTABLISHED -t 100");

        Assert.Equal(IPAddress.Parse("198.51.100.2"), entry.Reply!.Source);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), entry.Reply.Destination);
        Assert.Equal((byte)6, entry.Reply.Protocol);
        Assert.Equal((ushort)80, entry.Reply.SourcePort);
        Assert.Equal((ushort)1234, entry.Reply.DestinationPort);
    }

    [Fact]
    public void TheMissingOriginalIsTheReplyTurnedAround()
    {
        var entry = Entry("-I -r 198.51.100.2 -q 192.0.2.1 -p udp --reply-port-src 53 --reply-port-dst 5353 -t 30");

        Assert.Equal(IPAddress.Parse("192.0.2.1"), entry.Original!.Source);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), entry.Original.Destination);
        Assert.Equal((byte)17, entry.Original.Protocol);
        Assert.Equal((ushort)5353, entry.Original.SourcePort);
        Assert.Equal((ushort)53, entry.Original.DestinationPort);
    }

    [Fact]
    public void BothDirectionsGivenAreSentAsGiven()
    {
        // A NATed entry: the reply does not mirror the original.
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -r 203.0.113.9 -q 192.0.2.1 -p udp --sport 1 --dport 2 --reply-port-src 3 --reply-port-dst 1 -t 30");

        Assert.Equal(IPAddress.Parse("203.0.113.9"), entry.Reply!.Source);
        Assert.Equal((ushort)3, entry.Reply.SourcePort);
        Assert.Equal((ushort)2, entry.Original!.DestinationPort);
    }

    [Fact]
    public void GreKeysAreTurnedAroundLikePorts()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p gre --srckey 0x10 --dstkey 0x20 -t 30");

        Assert.Equal((ushort)0x20, entry.Reply!.SourcePort);
        Assert.Equal((ushort)0x10, entry.Reply.DestinationPort);
    }

    [Fact]
    public void TheZoneGivenForEachDirectionIsKept()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p udp --sport 1 --dport 2 -t 30 --orig-zone 5 --reply-zone 6 -w 7");

        Assert.Equal((ushort)5, entry.Original!.Zone);
        Assert.Equal((ushort)6, entry.Reply!.Zone);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), entry.Reply.Source);
        Assert.Equal((ushort)7, entry.Zone);
    }

    [Theory]
    [InlineData("icmp", "192.0.2.1", "198.51.100.2", 8, 0)]
    [InlineData("icmp", "192.0.2.1", "198.51.100.2", 13, 14)]
    [InlineData("icmpv6", "2001:db8::1", "2001:db8::2", 128, 129)]
    [InlineData("icmpv6", "2001:db8::1", "2001:db8::2", 139, 140)]
    public void TheReplyOfAnIcmpEntryAnswersItsType(string protocol, string source, string destination, int type, int replyType)
    {
        var entry = Entry($"-I -s {source} -d {destination} -p {protocol} --{protocol}-type {type} --{protocol}-code 0 --{protocol}-id 77 -t 30");

        Assert.Equal((byte)type, entry.Original!.IcmpType);
        Assert.Equal((byte)replyType, entry.Reply!.IcmpType);
        Assert.Equal((byte)0, entry.Reply.IcmpCode);
        Assert.Equal((ushort)77, entry.Reply.IcmpId);
    }

    [Fact]
    public void TheIcmpTypeIsAnsweredWhateverTheOrderOfTheOptions()
    {
        // conntrack-1.4.8 -I -p icmp --icmp-type 13 --icmp-code 0 -s 192.0.2.1 -d 192.0.2.2 -t 50:
        // "Operation failed: invalid parameters" (it answers the type before it knows the family).
        var entry = Entry("-I -p icmp --icmp-type 13 --icmp-code 0 --icmp-id 8 -s 192.0.2.1 -d 192.0.2.2 -t 50");

        Assert.Equal((byte)14, entry.Reply!.IcmpType);
    }

    [Fact]
    public void AnOmittedIcmpIdIsZeroInBothDirections()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p icmp --icmp-type 8 --icmp-code 0 -t 30");

        Assert.Equal((ushort)0, entry.Original!.IcmpId);
        Assert.Equal((ushort)0, entry.Reply!.IcmpId);
    }

    [Theory]
    [InlineData(IpFamily.IPv4, 0, 8)]
    [InlineData(IpFamily.IPv4, 8, 0)]
    [InlineData(IpFamily.IPv4, 13, 14)]
    [InlineData(IpFamily.IPv4, 14, 13)]
    [InlineData(IpFamily.IPv4, 15, 16)]
    [InlineData(IpFamily.IPv4, 16, 15)]
    [InlineData(IpFamily.IPv4, 17, 18)]
    [InlineData(IpFamily.IPv4, 18, 17)]
    [InlineData(IpFamily.IPv4, 3, 255)]
    [InlineData(IpFamily.IPv4, 128, 255)]
    [InlineData(IpFamily.IPv6, 128, 129)]
    [InlineData(IpFamily.IPv6, 129, 128)]
    [InlineData(IpFamily.IPv6, 139, 140)]
    [InlineData(IpFamily.IPv6, 140, 139)]
    [InlineData(IpFamily.IPv6, 1, 255)]
    [InlineData(IpFamily.IPv6, 8, 255)]
    public void IcmpTypesPairAsInLibnetfilterConntrack(IpFamily family, int type, int replyType) =>
        Assert.Equal((byte)replyType, IcmpReplyType.For(family, (byte)type));

    [Fact]
    public void AGenericProtocolHasNoPorts()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p 99 -t 30");

        Assert.Equal((byte)99, entry.Reply!.Protocol);
        Assert.Null(entry.Original!.SourcePort);
        Assert.Null(entry.Reply.IcmpType);
    }

    [Fact]
    public void AGenericProtocolGivesAReplyGivenByAddressItsNumber()
    {
        // libct_proto_unknown's final_check; without it the kernel refuses the entry (EINVAL).
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p 99 -t 30");

        Assert.Equal((byte)99, entry.Reply!.Protocol);
    }

    [Fact]
    public void AnAddressLeftToNatIsSentUnspecified()
    {
        // -o save writes -g (or -n) for the reply address the NAT chose; the kernel's NAT set-up fills it in.
        var entry = Entry("-A -t 30 -s 192.0.2.31 -d 198.51.100.31 -g 203.0.113.31 -q 192.0.2.31 -p udp --sport 2001 --dport 53 --reply-port-src 53 --reply-port-dst 2001");

        Assert.Equal(IPAddress.Any, entry.Reply!.Source);
        Assert.Equal(IPAddress.Parse("203.0.113.31"), entry.DestinationNat!.MinAddress);
        Assert.Equal(IPAddress.IPv6Any, Entry("-A -t 30 -s 2001:db8::1 -d 2001:db8::2 -n 2001:db8::98 -r 2001:db8::2 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1").Reply!.Destination);
    }

    [Fact]
    public void NatPortsAreSentForTcpAndUdpOnly()
    {
        var tcp = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state SYN_SENT -t 30 --src-nat 203.0.113.1:4000 --dst-nat 203.0.113.2:80");
        Assert.Equal((ushort)4000, tcp.SourceNat!.MinPort);
        Assert.Equal((ushort)80, tcp.DestinationNat!.MinPort);

        // libnetfilter_conntrack writes no port for other protocols: conntrack drops it silently.
        var sctp = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 1 --reply-vtag 2 -t 30 --src-nat 203.0.113.1:4000");
        Assert.Equal(IPAddress.Parse("203.0.113.1"), sctp.SourceNat!.MinAddress);
        Assert.Null(sctp.SourceNat.MinPort);
    }

    [Fact]
    public void TheMarkIsTheValueAndTheLabelsTheAddedOnes()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p udp --sport 1 --dport 2 -t 30 -m 0x10/0xf0 --label-add one,five");

        Assert.Equal(0x10u, entry.Mark);
        Assert.Equal(new byte[] { 0b0010_0010, 0, 0, 0 }, entry.Labels);
        Assert.Null(entry.LabelsMask);
    }

    [Fact]
    public void StatusTimeoutZoneAndProtocolStateAreSent()
    {
        var entry = Entry("-I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state TIME_WAIT -t 30 -u SEEN_REPLY,ASSURED -w 3");

        Assert.Equal(FlowStatus.SeenReply | FlowStatus.Assured, entry.Status);
        Assert.Equal(30u, entry.Timeout);
        Assert.Equal((ushort)3, entry.Zone);
        Assert.Equal(TcpState.TimeWait, entry.Tcp!.State);
        // New entries get conntrack's window-tracking flags (CLOSE_INIT from TIME_WAIT on).
        Assert.Equal(new TcpFlagsAndMask(0x0e, 0x0e), entry.Tcp.FlagsOriginal);
    }
}
