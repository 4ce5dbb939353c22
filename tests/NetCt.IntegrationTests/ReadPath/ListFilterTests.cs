using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Every <c>-L</c> filter, alone and combined, on <see cref="SampleTable"/>: netct must select exactly
/// the entries conntrack selects (whichever of them the kernel or userspace filters).
/// IPv6 NAT filters are in <see cref="DeliberateDifferenceTests"/>.
/// </summary>
public sealed class ListFilterTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Fact]
    public async Task Addresses() => await AssertAllSameAsync(
        "-s 192.0.2.1", "-d 192.0.2.2", "-s 192.0.2.7 -d 192.0.2.8", "-r 192.0.2.101", "-q 192.0.2.100",
        "-r 192.0.2.21 -q 192.0.2.20", "-s 198.51.100.99",
        // IPv6 addresses stay in userspace: the kernel's IPv6 tuple filter is inverted.
        "-s 2001:db8::1", "-d 2001:db8::2", "-r 2001:db8::98", "-q 2001:db8::99", "-s 2001:db8::8 -d 2001:db8::9",
        "-s 2001:db8::77");

    [Fact]
    public async Task NetworksAndMasks() => await AssertAllSameAsync(
        "-s 192.0.2.0/24", "-s 192.0.2.0/30", "-d 203.0.113.0/24", "-s 0.0.0.0/0", "-s 192.0.2.1/32",
        "-s 192.0.2.0 --mask-src 255.255.255.0", "-d 192.0.2.0 --mask-dst 255.255.255.248",
        "-s 192.0.2.1 --mask-src 255.0.255.0", "-s 198.51.100.0/24 -d 203.0.113.0/24",
        "-s 2001:db8::/64", "-s 2001:db8::1/128", "-s 2001:db8::/127", "-d 2001:db8::8/125", "-s ::/0",
        "-s 2001:db8:: --mask-src ffff:ffff::");

    [Fact]
    public async Task Ports() => await AssertAllSameAsync(
        "-p tcp --sport 1000", "-p tcp --dport 22", "-p tcp --dport 80 --sport 1002", "-p udp --sport 53 --dport 5353",
        "-p tcp --reply-port-src 443", "-p tcp --reply-port-dst 4000", "-p udp --reply-port-src 99",
        "-p udplite --sport 54", "-p udplite --dport 8 -f ipv6", "-p sctp --sport 7", "-p sctp --reply-port-dst 1",
        "-p dccp --sport 1", "-p tcp --orig-port-src 1000", "-p tcp --orig-port-dst 443", "-p tcp --sport 1 --sport 2");

    [Fact]
    public async Task ProtocolStates() => await AssertAllSameAsync(
        "-p tcp --state ESTABLISHED", "-p tcp --state SYN_SENT", "-p tcp --state SYN_RECV", "-p tcp --state FIN_WAIT",
        "-p tcp --state CLOSE_WAIT", "-p tcp --state LAST_ACK", "-p tcp --state TIME_WAIT", "-p tcp --state CLOSE",
        "-p tcp --state LISTEN", "-p tcp --state SYN_SENT2", "-p tcp --state NONE", "-p tcp --state ESTABLISHED --state TIME_WAIT",
        "-p sctp --state ESTABLISHED", "-p sctp --state COOKIE_WAIT", "-p sctp --state SHUTDOWN_SENT",
        "-p sctp --state SHUTDOWN_ACK_SENT", "-p sctp --state CLOSED", "-p sctp --state COOKIE_ECHOED",
        // No DCCP tracker on 6.18: the generic DCCP entry has no state, so nothing matches.
        "-p dccp --state OPEN", "-p dccp --state REQUEST");

    [Fact]
    public async Task IcmpFields() => await AssertAllSameAsync(
        "-p icmp --icmp-type 8", "-p icmp --icmp-type 0", "-p icmp --icmp-code 0", "-p icmp --icmp-id 42",
        "-p icmp --icmp-id 43", "-p icmp --icmp-type 8 --icmp-code 0 --icmp-id 42",
        "-p icmpv6 --icmpv6-type 128", "-p icmpv6 --icmpv6-type 129", "-p icmpv6 --icmpv6-code 0", "-p icmpv6 --icmpv6-id 7",
        // The type is read as a number and cut to 8 bits: garbage is 0, 256 is 0, 264 is 8.
        "-p icmp --icmp-type 256", "-p icmp --icmp-type 264", "-p icmp --icmp-type foo");

    [Fact]
    public async Task GreKeysNeverFilter() => await AssertAllSameAsync(
        // nfct_cmp compares ports only for tcp/udp/udplite/dccp/sctp, so conntrack lists every GRE
        // entry whatever the keys; netct does the same.
        "-p gre --srckey 1", "-p gre --dstkey 2", "-p gre --srckey 5 --dstkey 6", "-p gre --srckey 99",
        "-p gre --reply-key-src 2 --reply-key-dst 1", "-p gre --orig-key-src 0x5", "-p gre --srckey 99 -f ipv4",
        "-p gre --srckey 99 -s 198.51.100.6", "-p 47 -f ipv6");

    [Fact]
    public async Task Status() => await AssertAllSameAsync(
        "-u ASSURED", "-u SEEN_REPLY", "-u UNREPLIED", "-u FIXED_TIMEOUT", "-u EXPECTED", "-u OFFLOAD", "-u HW_OFFLOAD",
        "-u ASSURED,SEEN_REPLY", "-u SEEN_REPLY,FIXED_TIMEOUT", "-u !ASSURED", "-u !SEEN_REPLY", "-u SEEN_REPLY,UNREPLIED",
        "-u ASSURED -p udp", "-u UNREPLIED -f ipv6");

    [Fact]
    public async Task Marks() => await AssertAllSameAsync(
        "-m 7", "-m 0", "-m 16", "-m 0x10", "-m 1/1", "-m 0x10/0xf0", "-m 0/0xffffff00", "-m 0xff00/0xff00",
        "-m 0xff00ff", "-m 0/0xff", "-m 0x100000000", "-m foo", "-m 7 -p tcp", "-m 0xff00 -f ipv6");

    [Fact]
    public async Task Zones() => await AssertAllSameAsync(
        "-w 5", "-w 3", "-w 9", "-w 0", "-w 65536", "--orig-zone 3", "--orig-zone 0", "--reply-zone 4",
        "--reply-zone 2", "--reply-zone 0", "-w 0 --orig-zone 0", "-w 5 -p tcp", "-w 9 -f ipv6", "--orig-zone 3 -s 192.0.2.7");

    [Fact]
    public async Task NatOfIpv4Entries() => await AssertAllSameAsync(
        "-n", "-g", "-j", "-n -g", "-n 192.0.2.100", "-n 192.0.2.100:4000", "-n 192.0.2.100:4001",
        "-n 192.0.2.103", "-g 192.0.2.101", "-g 192.0.2.101:8080", "-g 192.0.2.102", "-g 192.0.2.104:99",
        "-j 192.0.2.101", "-j 192.0.2.100", "-j 192.0.2.104", "-j 192.0.2.101:8080",
        "-n 192.0.2.1", "-n -f ipv4", "-g -p udp", "-j -f ipv6");

    [Fact]
    public async Task FamilyAndSecmark() => await AssertAllSameAsync(
        "-f ipv4", "-f ipv6", "-f ipv6 -p udp",
        // conntrack accepts -c with -L but compares nothing with it: every entry is listed.
        "-c 0", "-c 5",
        // -i (id) is for -G, -D and -U only.
        "-i 1");

    [Fact]
    public async Task Combinations() => await AssertAllSameAsync(
        "-p tcp -s 192.0.2.0/24 --state ESTABLISHED -m 7", "-f ipv6 -p udp -u ASSURED", "-s 198.51.100.0/24 -u UNREPLIED -p tcp",
        "-p tcp -w 5 --dport 80", "-s 2001:db8::5 -p tcp -o xml", "-p udp -g -m 0", "-p tcp --state ESTABLISHED -n -o extended",
        "-s 192.0.2.0/24 -d 192.0.2.8 -p tcp --dport 22 --reply-zone 4", "-p sctp --state ESTABLISHED -f ipv6 -o save",
        "-u SEEN_REPLY -m 0 -f ipv4 -o id", "-p icmpv6 -s 2001:db8::1 -d 2001:db8::4 --icmpv6-type 128 -o extended");

    private async Task AssertAllSameAsync(params string[] filters)
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        await fixture.AssertAllSameAsync(filters.Select(filter => new[] { "-L" }.Concat(filter.Split(' ')).ToArray()));
    }
}
