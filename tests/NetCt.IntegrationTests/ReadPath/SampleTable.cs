using System.Globalization;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// A table of entries made with the reference's <c>-I</c>: every protocol netct knows (TCP in most
/// states, UDP, UDPlite, ICMP, ICMPv6, SCTP with states and verification tags, GRE with keys, DCCP,
/// an unknown protocol number), IPv4 and IPv6, and each creation parameter (status, mark, zone,
/// original/reply zone, explicit reply tuple, source/destination NAT with and without a port).
/// Timeouts are long so nothing expires while a class runs.
/// </summary>
public static class SampleTable
{
    /// <summary>The <c>-R</c> lines that make the table, one entry each.</summary>
    /// <remarks>
    /// What conntrack 1.4.8 cannot create is left out: SCTP HEARTBEAT_SENT (it dies of SIGSEGV) and
    /// --orig-zone with --reply-zone on one entry (the kernel answers EINVAL). On kernels without a DCCP
    /// tracker (6.18 has none) the DCCP entry is tracked generically, without ports or state.
    /// </remarks>
    public static readonly IReadOnlyList<string> Lines =
    [
        "-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1000 --dport 443 --state ESTABLISHED -t 3000 -m 7 -u ASSURED",
        "-I -s 192.0.2.3 -d 192.0.2.4 -p tcp --sport 1001 --dport 80 --state SYN_SENT -t 3000 -m 0x10",
        "-I -s 192.0.2.5 -d 192.0.2.6 -p tcp --sport 1002 --dport 80 --state TIME_WAIT -t 3000 -w 5",
        "-I -s 192.0.2.7 -d 192.0.2.8 -p tcp --sport 1003 --dport 22 --state FIN_WAIT -t 3000 --orig-zone 3",
        "-I -s 192.0.2.17 -d 192.0.2.8 -p tcp --sport 1003 --dport 22 --state LAST_ACK -t 3000 --reply-zone 4",
        "-I -s 192.0.2.9 -d 192.0.2.10 -p tcp --sport 1004 --dport 22 --state CLOSE_WAIT -t 3000 -u SEEN_REPLY",
        "-I -s 192.0.2.11 -d 192.0.2.12 -p tcp --sport 1005 --dport 23 --state SYN_RECV -t 3000 -u ASSURED,SEEN_REPLY,FIXED_TIMEOUT",
        "-I -s 192.0.2.13 -d 192.0.2.14 -p tcp --sport 1006 --dport 24 --state CLOSE -t 3000 -m 0xff00ff",
        "-I -s 192.0.2.15 -d 192.0.2.16 -p tcp --sport 1007 --dport 25 --state LISTEN -t 3000",
        "-I -s 192.0.2.20 -d 192.0.2.21 -r 192.0.2.21 -q 192.0.2.20 -p tcp --sport 10 --dport 20 --reply-port-src 20 --reply-port-dst 10 --state ESTABLISHED -t 3000",
        "-I -s 198.51.100.1 -d 203.0.113.1 -p udp --sport 53 --dport 5353 -t 3000 -m 1 -u SEEN_REPLY,ASSURED",
        "-I -s 198.51.100.2 -d 203.0.113.2 -p udplite --sport 54 --dport 5354 -t 3000",
        "-I -s 198.51.100.3 -d 203.0.113.3 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 42 -t 3000",
        "-I -s 198.51.100.4 -d 203.0.113.4 -p sctp --sport 7 --dport 8 --state ESTABLISHED --orig-vtag 17 --reply-vtag 18 -t 3000",
        "-I -s 198.51.100.5 -d 203.0.113.5 -p sctp --sport 9 --dport 10 --state COOKIE_WAIT --orig-vtag 100 --reply-vtag 200 -t 3000",
        "-I -s 198.51.100.14 -d 203.0.113.14 -p sctp --sport 11 --dport 12 --state SHUTDOWN_SENT --orig-vtag 1 --reply-vtag 2 -t 3000",
        "-I -s 198.51.100.15 -d 203.0.113.15 -p sctp --sport 13 --dport 14 --state SHUTDOWN_ACK_SENT --orig-vtag 3 --reply-vtag 4 -t 3000",
        "-I -s 198.51.100.6 -d 203.0.113.6 -p gre --srckey 1 --dstkey 2 -t 3000",
        "-I -s 198.51.100.7 -d 203.0.113.7 -p dccp --sport 1 --dport 2 --state OPEN --role client -t 3000",
        "-I -s 198.51.100.9 -d 203.0.113.9 -p 200 -t 3000",
        "-I -s 198.51.100.10 -d 203.0.113.10 -p tcp --sport 5 --dport 6 --state ESTABLISHED -t 3000 --src-nat 192.0.2.100:4000",
        "-I -s 198.51.100.11 -d 203.0.113.11 -p tcp --sport 5 --dport 6 --state ESTABLISHED -t 3000 --dst-nat 192.0.2.101:8080",
        "-I -s 198.51.100.12 -d 203.0.113.12 -p udp --sport 5 --dport 6 -t 3000 --dst-nat 192.0.2.102",
        "-I -s 198.51.100.13 -d 203.0.113.13 -p udp --sport 5 --dport 6 -t 3000 --src-nat 192.0.2.103 --dst-nat 192.0.2.104:99",
        "-I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 2000 --dport 22 --state SYN_SENT -t 3000 -w 3",
        "-I -s 2001:db8::1 -d 2001:db8::3 -p udp --sport 3000 --dport 4000 -t 3000 -u ASSURED",
        "-I -s 2001:db8::1 -d 2001:db8::4 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 7 -t 3000",
        "-I -s 2001:db8::5 -d 2001:db8::6 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 3000 --src-nat [2001:db8::99]:7000",
        "-I -s 2001:db8::5 -d 2001:db8::7 -p udp --sport 1 --dport 2 -t 3000 --dst-nat 2001:db8::98",
        "-I -s 2001:db8::8 -d 2001:db8::9 -p gre --srckey 5 --dstkey 6 -t 3000",
        "-I -s 2001:db8::8 -d 2001:db8::10 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 5 --reply-vtag 6 -t 3000",
        "-I -s 2001:db8::8 -d 2001:db8::11 -p 200 -t 3000 -m 0xff00",
        "-I -s 2001:db8::12 -d 2001:db8::13 -p udplite --sport 7 --dport 8 -t 3000 -w 9",
        "-I -s 2001:db8::14 -d 2001:db8::15 -p tcp --sport 8 --dport 9 --state ESTABLISHED -t 3000 --reply-zone 2 -u SEEN_REPLY",
    ];

    /// <summary>
    /// Loads <see cref="Lines"/> into an empty table unless the table already holds exactly that many
    /// entries (a class whose tests only read the table loads it once).
    /// </summary>
    public static async Task EnsureLoadedAsync(ContainerFixture fixture)
    {
        var count = await fixture.ConntrackAsync("-C");
        if (count.Stdout.Trim() == Lines.Count.ToString(CultureInfo.InvariantCulture))
        {
            return;
        }

        await fixture.ResetAsync();
        await fixture.LoadAsync(Lines);
    }
}
