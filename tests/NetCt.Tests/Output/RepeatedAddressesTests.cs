using System.Net;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// The default format copies an address the line already printed when the reply tuple holds the
/// same instance (as <see cref="ReusableFlowDecoder"/> hands them out): the text must be what
/// formatting each address anew prints.
/// </summary>
public sealed class RepeatedAddressesTests
{
    private static readonly TimeProvider Utc = new FixedTimeProvider(1795476706, "UTC");

    [Fact]
    public void A_reply_that_shares_the_originals_addresses_prints_them_swapped()
    {
        IPAddress client = IPAddress.Parse("192.0.2.1"), server = IPAddress.Parse("203.0.113.5");
        Assert.Equal(
            "tcp      6 100 src=192.0.2.1 dst=203.0.113.5 sport=1024 dport=80 src=203.0.113.5 dst=192.0.2.1 sport=80 dport=1024 [ASSURED] mark=0 use=1\n",
            Print(Entry(IpFamily.IPv4, client, server, server, client)));
    }

    [Fact]
    public void A_nat_reply_prints_its_own_address_beside_a_shared_one()
    {
        IPAddress client = IPAddress.Parse("2001:db8::1"), server = IPAddress.Parse("2001:db8:1::5"), translated = IPAddress.Parse("2001:db8:2::7");
        Assert.Equal(
            "tcp      6 100 src=2001:db8::1 dst=2001:db8:1::5 sport=1024 dport=80 src=2001:db8:2::7 dst=2001:db8::1 sport=80 dport=1024 [ASSURED] mark=0 use=1\n",
            Print(Entry(IpFamily.IPv6, client, server, translated, client)));
    }

    [Fact]
    public void Shared_and_separate_instances_print_the_same_line()
    {
        IPAddress one = IPAddress.Parse("198.51.100.200"), two = IPAddress.Parse("198.51.100.3");
        string shared = Print(Entry(IpFamily.IPv4, one, two, two, one), Entry(IpFamily.IPv4, one, one, one, one));
        string separate = Print(
            Entry(IpFamily.IPv4, Copy(one), Copy(two), Copy(two), Copy(one)),
            Entry(IpFamily.IPv4, Copy(one), Copy(one), Copy(one), Copy(one)));
        Assert.Equal(separate, shared);
    }

    [Fact]
    public void A_missing_address_prints_as_zero_and_is_not_taken_for_another()
    {
        IPAddress client = IPAddress.Parse("192.0.2.1");
        Assert.Equal(
            "tcp      6 100 src=192.0.2.1 dst=0.0.0.0 sport=1024 dport=80 src=0.0.0.0 dst=192.0.2.1 sport=80 dport=1024 [ASSURED] mark=0 use=1\n",
            Print(Entry(IpFamily.IPv4, client, null, null, client)));
    }

    private static IPAddress Copy(IPAddress address) => new(address.GetAddressBytes());

    private static Flow Entry(IpFamily family, IPAddress? source, IPAddress? destination, IPAddress? replySource, IPAddress? replyDestination) => new()
    {
        Family = family,
        Original = new FlowTuple { Source = source, Destination = destination, Protocol = 6, SourcePort = 1024, DestinationPort = 80 },
        Reply = new FlowTuple { Source = replySource, Destination = replyDestination, Protocol = 6, SourcePort = 80, DestinationPort = 1024 },
        Status = FlowStatus.Confirmed | FlowStatus.SeenReply | FlowStatus.Assured,
        Timeout = 100,
        Mark = 0,
        Use = 1,
    };

    private static string Print(params Flow[] flows) => Rendered.Printed(FlowCommand.List, OutputFlags.None, null, Utc, flows);
}
