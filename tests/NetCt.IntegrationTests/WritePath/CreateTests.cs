using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>
/// -I and -A with every parameter conntrack 1.4.8 accepts for them: each command runs on the same
/// starting table with both programs, and their output, exit code, messages and the resulting table
/// (listed by the reference) must be the same.
/// </summary>
public sealed class CreateTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    // Both tuples from the original direction, every protocol.
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -u ASSURED -m 5")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state TIME_WAIT -t 100 -u SEEN_REPLY,FIXED_TIMEOUT")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state LISTEN -t 100 -u UNSET")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 -t 100")]
    [InlineData("-I --orig-src 192.0.2.1 --orig-dst 192.0.2.2 --protonum tcp --orig-port-src 1 --orig-port-dst 2 --state SYN_RECV --timeout 100 --mark 0x10/0xf0")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -m 0xffffffff")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 5353 --dport 53 -t 30")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p udp --sport 5353 --dport 53 -t 30 -u ASSURED")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udplite --sport 1 --dport 2 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 5 --reply-vtag 6 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state COOKIE_ECHOED --orig-vtag 5 --reply-vtag 6 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p dccp --sport 1 --dport 2 --state OPEN --role server -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p gre --srckey 0x11 --dstkey 0x22 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p 99 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p ospf -t 30 -m 3")]
    // ICMP: the reply answers the type (echo, timestamp, information, address mask; ICMPv6 echo and node information).
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 0 --icmp-code 0 --icmp-id 7 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 13 --icmp-code 0 --icmp-id 7 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 15 --icmp-code 0 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 17 --icmp-code 0 --icmp-id 1 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 3 --icmp-code 1 --icmp-id 1 -t 30")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 7 -t 30")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 139 --icmpv6-code 0 --icmpv6-id 7 -t 30")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 1 --icmpv6-code 0 --icmpv6-id 7 -t 30")]
    // The original direction from the reply one, and both given (a NATed reply).
    [InlineData("-I -r 192.0.2.2 -q 192.0.2.1 -p udp --reply-port-src 53 --reply-port-dst 5353 -t 30")]
    [InlineData("-I -r 192.0.2.2 -q 192.0.2.1 -p tcp --reply-port-src 80 --reply-port-dst 1234 --state ESTABLISHED -t 30")]
    [InlineData("-I -r 192.0.2.2 -q 192.0.2.1 -p gre --reply-key-src 5 --reply-key-dst 6 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -r 203.0.113.9 -q 192.0.2.1 -p udp --sport 1 --dport 2 --reply-port-src 3 --reply-port-dst 1 -t 30")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -r 2001:db8::9 -q 2001:db8::1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED -t 30")]
    // Zones.
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 -w 7")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --orig-zone 5")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --reply-zone 6")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --orig-zone 5 --reply-zone 6")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 -w 4 --orig-zone 4")]
    // NAT: address, address and port; IPv6 with brackets; a port for a protocol the library sends none for.
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state SYN_SENT -t 30 --src-nat 198.51.100.1")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state SYN_SENT -t 30 --src-nat 198.51.100.1:4000 --dst-nat 203.0.113.5:80")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --dst-nat 203.0.113.5:5353")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 30 --dst-nat [2001:db8::99]:53")]
    [InlineData("-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 30 --src-nat 2001:db8::98")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 5 --reply-vtag 6 -t 30 --src-nat 198.51.100.1:4000")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7 -t 30 --dst-nat 203.0.113.5")]
    // Add: a new entry, and the table name.
    [InlineData("-A -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -m 9")]
    [InlineData("-A conntrack -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 100")]
    [InlineData("--create conntrack -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 100")]
    // Parameter problems are found before anything is sent.
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2")]
    [InlineData("-I -s 192.0.2.1 -p udp --sport 1 --dport 2 -t 30")]
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 -t 30")]
    [InlineData("-A -s 192.0.2.1 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 30")]
    public async Task CreatesTheSameEntry(string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.Empty, Words(commandLine));
    }

    [Theory]
    // -I of an entry that exists: "Such conntrack exists, try -U to update", exit 1.
    [InlineData("-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 100")]
    [InlineData("-I -s 2001:db8::3 -d 2001:db8::4 -p udp --sport 3001 --dport 53 -t 30")]
    [InlineData("-I -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80 --state TIME_WAIT -t 30 -w 5")]
    // The same tuple in another zone is another entry.
    [InlineData("-I -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80 --state TIME_WAIT -t 30")]
    // -A updates it instead: timeout, mark, status, state.
    [InlineData("-A -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state TIME_WAIT -t 100 -m 9")]
    [InlineData("-A -s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353 -t 30 -u FIXED_TIMEOUT")]
    [InlineData("-A -s 198.51.100.8 -d 203.0.113.8 -p udp --sport 55 --dport 5355 -t 30 -w 5 -m 1")]
    // ... except what the kernel does not change on an existing entry.
    [InlineData("-A -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 100 --src-nat 198.51.100.1")]
    [InlineData("-A -s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353 -t 30 -u UNSET")]
    public async Task CreatesOverAnExistingEntry(string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.Load, Words(commandLine));
    }

    [Fact]
    public async Task CreatesLabelledEntries()
    {
        await Labels.InstallAsync(fixture);
        string prepare = WriteTable.Empty;
        foreach (string commandLine in new[]
        {
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --label-add one",
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --label-add one,five,last",
            "-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 30 --label-add zero -m 3",
            "-A -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --label-add two",
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 30 --label-add nosuch",
        })
        {
            await AssertSameAsync(fixture, prepare, Words(commandLine), inspect: "conntrack -L -o labels,extended");
        }
    }
}
