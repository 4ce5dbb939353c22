namespace NetCt.Tests.Conntrack;

/// <summary>
/// Messages captured from Linux 6.18 (IPCTNL_MSG_CT_GET dump, AF_UNSPEC) inside <c>unshare -n</c>,
/// after <c>ip link set lo up; sysctl -w net.netfilter.nf_conntrack_acct=1
/// net.netfilter.nf_conntrack_timestamp=1</c>, one entry per command shown. Each line is one header
/// or attribute, annotated with what it holds; nesting is indented.
/// </summary>
internal static class CapturedMessages
{
    /// <summary>One entry of each kind the codecs handle (protocols, families, zones, NAT, counters, labels), for tests that run over all of them.</summary>
    public static byte[][] MixedEntries =>
    [
        TcpEstablishedAssuredMarked,
        Udp,
        IcmpEcho,
        Icmpv6Echo,
        SctpWithVerificationTags,
        GreKeys,
        Ipv6TcpZone5,
        UdpOriginalZone3,
        SourceNat,
        DestinationNatWithPort,
        LoopbackPingWithCounters,
        LoopbackUdpLabelledMarked,
    ];

    /// <summary>TcpEstablishedAssuredMarked: <c>conntrack-1.4.8 -I -p tcp -s 192.0.2.1 -d 198.51.100.2 --sport 1234 --dport 80 --state ESTABLISHED -t 100 -u ASSURED -m 7</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1234 dport=80 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=80 dport=1234 packets=0 bytes=0 [ASSURED] mark=7 delta-time=1 use=1 id=3656992300
    public static readonly byte[] TcpEstablishedAssuredMarked = Fixture.Parse("""
        38010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 312, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000201                                       // CTA_IP_V4_SRC = 192.0.2.1
            08000200  c6336402                                       // CTA_IP_V4_DST = 198.51.100.2
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  04d20000                                       // CTA_PROTO_SRC_PORT = 1234
            06000300  00500000                                       // CTA_PROTO_DST_PORT = 80
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336402                                       // CTA_IP_V4_SRC = 198.51.100.2
            08000200  c0000201                                       // CTA_IP_V4_DST = 192.0.2.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  00500000                                       // CTA_PROTO_SRC_PORT = 80
            06000300  04d20000                                       // CTA_PROTO_DST_PORT = 1234
        08000300  0000000c                                           // CTA_STATUS = 12
        08000800  00000007                                           // CTA_MARK = 7
        08000c00  d9f9462c                                           // CTA_ID = 3656992300
        08000b00  00000001                                           // CTA_USE = 1
        08000700  00000063                                           // CTA_TIMEOUT = 99
        30000480                                                     // CTA_PROTOINFO (nested, 48 bytes)
          2c000180                                                   // CTA_PROTOINFO_TCP (nested, 44 bytes)
            05000100  03000000                                       // CTA_PROTOINFO_TCP_STATE = 3
            05000200  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 0
            05000300  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_REPLY = 0
            06000400  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = flags 0x0a mask 0x00
            06000500  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_REPLY = flags 0x0a mask 0x00
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 6bad3228                                // CTA_TIMESTAMP_START = 1795478459622699560
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>Udp: <c>conntrack-1.4.8 -I -p udp -s 192.0.2.1 -d 198.51.100.2 --sport 5353 --dport 53 -t 30</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 udp      17 29 src=192.0.2.1 dst=198.51.100.2 sport=5353 dport=53 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=53 dport=5353 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=524071917
    public static readonly byte[] Udp = Fixture.Parse("""
        08010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 264, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000201                                       // CTA_IP_V4_SRC = 192.0.2.1
            08000200  c6336402                                       // CTA_IP_V4_DST = 198.51.100.2
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  14e90000                                       // CTA_PROTO_SRC_PORT = 5353
            06000300  00350000                                       // CTA_PROTO_DST_PORT = 53
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336402                                       // CTA_IP_V4_SRC = 198.51.100.2
            08000200  c0000201                                       // CTA_IP_V4_DST = 192.0.2.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  00350000                                       // CTA_PROTO_SRC_PORT = 53
            06000300  14e90000                                       // CTA_PROTO_DST_PORT = 5353
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  1f3cb3ed                                           // CTA_ID = 524071917
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 6cc4d562                                // CTA_TIMESTAMP_START = 1795478459641025890
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>IcmpEcho: <c>conntrack-1.4.8 -I -p icmp -s 192.0.2.1 -d 198.51.100.2 --icmp-type 8 --icmp-code 0 --icmp-id 77 -t 30</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 icmp     1 29 src=192.0.2.1 dst=198.51.100.2 type=8 code=0 id=77 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 type=0 code=0 id=77 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=238875614
    public static readonly byte[] IcmpEcho = Fixture.Parse("""
        18010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 280, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        3c000180                                                     // CTA_TUPLE_ORIG (nested, 60 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000201                                       // CTA_IP_V4_SRC = 192.0.2.1
            08000200  c6336402                                       // CTA_IP_V4_DST = 198.51.100.2
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  01000000                                       // CTA_PROTO_NUM = 1
            06000400  004d0000                                       // CTA_PROTO_ICMP_ID = 77
            05000500  08000000                                       // CTA_PROTO_ICMP_TYPE = 8
            05000600  00000000                                       // CTA_PROTO_ICMP_CODE = 0
        3c000280                                                     // CTA_TUPLE_REPLY (nested, 60 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336402                                       // CTA_IP_V4_SRC = 198.51.100.2
            08000200  c0000201                                       // CTA_IP_V4_DST = 192.0.2.1
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  01000000                                       // CTA_PROTO_NUM = 1
            06000400  004d0000                                       // CTA_PROTO_ICMP_ID = 77
            05000500  00000000                                       // CTA_PROTO_ICMP_TYPE = 0
            05000600  00000000                                       // CTA_PROTO_ICMP_CODE = 0
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  0e3cf3de                                           // CTA_ID = 238875614
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 6d898aef                                // CTA_TIMESTAMP_START = 1795478459653917423
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>Icmpv6Echo: <c>conntrack-1.4.8 -I -p icmpv6 -s 2001:db8::1 -d 2001:db8::2 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 99 -t 30</c>.</summary>
    // conntrack -L -o extended,id: ipv6     10 icmpv6   58 29 src=2001:db8::1 dst=2001:db8::2 type=128 code=0 id=99 packets=0 bytes=0 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 type=129 code=0 id=99 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=74000458
    public static readonly byte[] Icmpv6Echo = Fixture.Parse("""
        48010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 328, type 0x0100, flags 0x0002, seq, pid
        0a000000                                                     // nfgenmsg: family 10, version 0, res_id 0
        54000180                                                     // CTA_TUPLE_ORIG (nested, 84 bytes)
          2c000180                                                   // CTA_TUPLE_IP (nested, 44 bytes)
            14000300  20010db8 00000000 00000000 00000001            // CTA_IP_V6_SRC = 2001:db8::1
            14000400  20010db8 00000000 00000000 00000002            // CTA_IP_V6_DST = 2001:db8::2
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  3a000000                                       // CTA_PROTO_NUM = 58
            06000700  00630000                                       // CTA_PROTO_ICMPV6_ID = 99
            05000800  80000000                                       // CTA_PROTO_ICMPV6_TYPE = 128
            05000900  00000000                                       // CTA_PROTO_ICMPV6_CODE = 0
        54000280                                                     // CTA_TUPLE_REPLY (nested, 84 bytes)
          2c000180                                                   // CTA_TUPLE_IP (nested, 44 bytes)
            14000300  20010db8 00000000 00000000 00000002            // CTA_IP_V6_SRC = 2001:db8::2
            14000400  20010db8 00000000 00000000 00000001            // CTA_IP_V6_DST = 2001:db8::1
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  3a000000                                       // CTA_PROTO_NUM = 58
            06000700  00630000                                       // CTA_PROTO_ICMPV6_ID = 99
            05000800  81000000                                       // CTA_PROTO_ICMPV6_TYPE = 129
            05000900  00000000                                       // CTA_PROTO_ICMPV6_CODE = 0
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  0469284a                                           // CTA_ID = 74000458
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 6f0a5a09                                // CTA_TIMESTAMP_START = 1795478459679136265
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>SctpWithVerificationTags: <c>conntrack-1.4.8 -I -p sctp -s 192.0.2.1 -d 198.51.100.2 --sport 5000 --dport 6000 --state ESTABLISHED --orig-vtag 10 --reply-vtag 11 -t 30</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 sctp     132 29 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=5000 dport=6000 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=6000 dport=5000 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=573083021
    public static readonly byte[] SctpWithVerificationTags = Fixture.Parse("""
        28010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 296, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000201                                       // CTA_IP_V4_SRC = 192.0.2.1
            08000200  c6336402                                       // CTA_IP_V4_DST = 198.51.100.2
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  84000000                                       // CTA_PROTO_NUM = 132
            06000200  13880000                                       // CTA_PROTO_SRC_PORT = 5000
            06000300  17700000                                       // CTA_PROTO_DST_PORT = 6000
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336402                                       // CTA_IP_V4_SRC = 198.51.100.2
            08000200  c0000201                                       // CTA_IP_V4_DST = 192.0.2.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  84000000                                       // CTA_PROTO_NUM = 132
            06000200  17700000                                       // CTA_PROTO_SRC_PORT = 6000
            06000300  13880000                                       // CTA_PROTO_DST_PORT = 5000
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  22288d8d                                           // CTA_ID = 573083021
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        20000480                                                     // CTA_PROTOINFO (nested, 32 bytes)
          1c000380                                                   // CTA_PROTOINFO_SCTP (nested, 28 bytes)
            05000100  04000000                                       // CTA_PROTOINFO_SCTP_STATE = 4
            08000200  0a000000                                       // CTA_PROTOINFO_SCTP_VTAG_ORIGINAL = 167772160
            08000300  0b000000                                       // CTA_PROTOINFO_SCTP_VTAG_REPLY = 184549376
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 70a85036                                // CTA_TIMESTAMP_START = 1795478459706265654
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>GreKeys: <c>conntrack-1.4.8 -I -p gre -s 192.0.2.1 -d 198.51.100.2 --srckey 0x11 --dstkey 0x22 -t 30</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 gre      47 29 src=192.0.2.1 dst=198.51.100.2 srckey=0x11 dstkey=0x22 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 srckey=0x22 dstkey=0x11 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=1591935122
    public static readonly byte[] GreKeys = Fixture.Parse("""
        08010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 264, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000201                                       // CTA_IP_V4_SRC = 192.0.2.1
            08000200  c6336402                                       // CTA_IP_V4_DST = 198.51.100.2
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  2f000000                                       // CTA_PROTO_NUM = 47
            06000200  00110000                                       // CTA_PROTO_SRC_PORT = 17
            06000300  00220000                                       // CTA_PROTO_DST_PORT = 34
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336402                                       // CTA_IP_V4_SRC = 198.51.100.2
            08000200  c0000201                                       // CTA_IP_V4_DST = 192.0.2.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  2f000000                                       // CTA_PROTO_NUM = 47
            06000200  00220000                                       // CTA_PROTO_SRC_PORT = 34
            06000300  00110000                                       // CTA_PROTO_DST_PORT = 17
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  5ee30092                                           // CTA_ID = 1591935122
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 719e0935                                // CTA_TIMESTAMP_START = 1795478459722369333
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>Ipv6TcpZone5: <c>conntrack-1.4.8 -I -p tcp -s 2001:db8::1 -d 2001:db8::2 --sport 1 --dport 2 --state SYN_SENT -t 30 -w 5</c>.</summary>
    // conntrack -L -o extended,id: ipv6     10 tcp      6 29 SYN_SENT src=2001:db8::1 dst=2001:db8::2 sport=1 dport=2 packets=0 bytes=0 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 sport=2 dport=1 packets=0 bytes=0 mark=0 zone=5 delta-time=1 use=1 id=146340451
    public static readonly byte[] Ipv6TcpZone5 = Fixture.Parse("""
        70010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 368, type 0x0100, flags 0x0002, seq, pid
        0a000000                                                     // nfgenmsg: family 10, version 0, res_id 0
        4c000180                                                     // CTA_TUPLE_ORIG (nested, 76 bytes)
          2c000180                                                   // CTA_TUPLE_IP (nested, 44 bytes)
            14000300  20010db8 00000000 00000000 00000001            // CTA_IP_V6_SRC = 2001:db8::1
            14000400  20010db8 00000000 00000000 00000002            // CTA_IP_V6_DST = 2001:db8::2
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  00010000                                       // CTA_PROTO_SRC_PORT = 1
            06000300  00020000                                       // CTA_PROTO_DST_PORT = 2
        4c000280                                                     // CTA_TUPLE_REPLY (nested, 76 bytes)
          2c000180                                                   // CTA_TUPLE_IP (nested, 44 bytes)
            14000300  20010db8 00000000 00000000 00000002            // CTA_IP_V6_SRC = 2001:db8::2
            14000400  20010db8 00000000 00000000 00000001            // CTA_IP_V6_DST = 2001:db8::1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  00020000                                       // CTA_PROTO_SRC_PORT = 2
            06000300  00010000                                       // CTA_PROTO_DST_PORT = 1
        06001200  00050000                                           // CTA_ZONE = 5
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  08b8fa63                                           // CTA_ID = 146340451
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        30000480                                                     // CTA_PROTOINFO (nested, 48 bytes)
          2c000180                                                   // CTA_PROTOINFO_TCP (nested, 44 bytes)
            05000100  01000000                                       // CTA_PROTOINFO_TCP_STATE = 1
            05000200  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 0
            05000300  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_REPLY = 0
            06000400  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = flags 0x0a mask 0x00
            06000500  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_REPLY = flags 0x0a mask 0x00
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 72879568                                // CTA_TIMESTAMP_START = 1795478459737675112
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>UdpOriginalZone3: <c>conntrack-1.4.8 -I -p udp -s 192.0.2.5 -d 198.51.100.6 --sport 1 --dport 2 -t 30 --orig-zone 3</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 udp      17 29 src=192.0.2.5 dst=198.51.100.6 sport=1 dport=2 zone-orig=3 packets=0 bytes=0 [UNREPLIED] src=198.51.100.6 dst=192.0.2.5 sport=2 dport=1 packets=0 bytes=0 mark=0 delta-time=0 use=1 id=4105119789
    public static readonly byte[] UdpOriginalZone3 = Fixture.Parse("""
        10010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 272, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        3c000180                                                     // CTA_TUPLE_ORIG (nested, 60 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000205                                       // CTA_IP_V4_SRC = 192.0.2.5
            08000200  c6336406                                       // CTA_IP_V4_DST = 198.51.100.6
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  00010000                                       // CTA_PROTO_SRC_PORT = 1
            06000300  00020000                                       // CTA_PROTO_DST_PORT = 2
          06000300  00030000                                         // CTA_TUPLE_ZONE = 3
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336406                                       // CTA_IP_V4_SRC = 198.51.100.6
            08000200  c0000205                                       // CTA_IP_V4_DST = 192.0.2.5
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  00020000                                       // CTA_PROTO_SRC_PORT = 2
            06000300  00010000                                       // CTA_PROTO_DST_PORT = 1
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  f4af282d                                           // CTA_ID = 4105119789
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 8b225299                                // CTA_TIMESTAMP_START = 1795478460150469273
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>SourceNat: <c>conntrack-1.4.8 -I -p tcp -s 192.0.2.7 -d 198.51.100.8 --sport 40000 --dport 443 --state ESTABLISHED -t 60 --src-nat 203.0.113.9</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 tcp      6 59 ESTABLISHED src=192.0.2.7 dst=198.51.100.8 sport=40000 dport=443 packets=0 bytes=0 [UNREPLIED] src=198.51.100.8 dst=203.0.113.9 sport=443 dport=40000 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=1065958425
    public static readonly byte[] SourceNat = Fixture.Parse("""
        38010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 312, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000207                                       // CTA_IP_V4_SRC = 192.0.2.7
            08000200  c6336408                                       // CTA_IP_V4_DST = 198.51.100.8
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  9c400000                                       // CTA_PROTO_SRC_PORT = 40000
            06000300  01bb0000                                       // CTA_PROTO_DST_PORT = 443
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c6336408                                       // CTA_IP_V4_SRC = 198.51.100.8
            08000200  cb007109                                       // CTA_IP_V4_DST = 203.0.113.9
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  01bb0000                                       // CTA_PROTO_SRC_PORT = 443
            06000300  9c400000                                       // CTA_PROTO_DST_PORT = 40000
        08000300  00000198                                           // CTA_STATUS = 408
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  3f893c19                                           // CTA_ID = 1065958425
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000003b                                           // CTA_TIMEOUT = 59
        30000480                                                     // CTA_PROTOINFO (nested, 48 bytes)
          2c000180                                                   // CTA_PROTOINFO_TCP (nested, 44 bytes)
            05000100  03000000                                       // CTA_PROTOINFO_TCP_STATE = 3
            05000200  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 0
            05000300  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_REPLY = 0
            06000400  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = flags 0x0a mask 0x00
            06000500  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_REPLY = flags 0x0a mask 0x00
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 75fc982e                                // CTA_TIMESTAMP_START = 1795478459795675182
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>DestinationNatWithPort: <c>conntrack-1.4.8 -I -p tcp -s 192.0.2.7 -d 198.51.100.9 --sport 40001 --dport 80 --state ESTABLISHED -t 60 --dst-nat 203.0.113.10:8080</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 tcp      6 59 ESTABLISHED src=192.0.2.7 dst=198.51.100.9 sport=40001 dport=80 packets=0 bytes=0 [UNREPLIED] src=203.0.113.10 dst=192.0.2.7 sport=8080 dport=40001 packets=0 bytes=0 mark=0 delta-time=1 use=1 id=751103274
    public static readonly byte[] DestinationNatWithPort = Fixture.Parse("""
        38010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 312, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000207                                       // CTA_IP_V4_SRC = 192.0.2.7
            08000200  c6336409                                       // CTA_IP_V4_DST = 198.51.100.9
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  9c410000                                       // CTA_PROTO_SRC_PORT = 40001
            06000300  00500000                                       // CTA_PROTO_DST_PORT = 80
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  cb00710a                                       // CTA_IP_V4_SRC = 203.0.113.10
            08000200  c0000207                                       // CTA_IP_V4_DST = 192.0.2.7
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                       // CTA_PROTO_NUM = 6
            06000200  1f900000                                       // CTA_PROTO_SRC_PORT = 8080
            06000300  9c410000                                       // CTA_PROTO_DST_PORT = 40001
        08000300  000001a8                                           // CTA_STATUS = 424
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  2cc4ed2a                                           // CTA_ID = 751103274
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000003b                                           // CTA_TIMEOUT = 59
        30000480                                                     // CTA_PROTOINFO (nested, 48 bytes)
          2c000180                                                   // CTA_PROTOINFO_TCP (nested, 44 bytes)
            05000100  03000000                                       // CTA_PROTOINFO_TCP_STATE = 3
            05000200  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 0
            05000300  00000000                                       // CTA_PROTOINFO_TCP_WSCALE_REPLY = 0
            06000400  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = flags 0x0a mask 0x00
            06000500  0a000000                                       // CTA_PROTOINFO_TCP_FLAGS_REPLY = flags 0x0a mask 0x00
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 775377b0                                // CTA_TIMESTAMP_START = 1795478459818145712
        1c001880                                                     // CTA_SYNPROXY (nested, 28 bytes)
          08000100  00000000                                         // CTA_SYNPROXY_ISN = 0
          08000200  00000000                                         // CTA_SYNPROXY_ITS = 0
          08000300  00000000                                         // CTA_SYNPROXY_TSOFF = 0
        """);

    /// <summary>LoopbackPingWithCounters: <c>ping -c1 127.0.0.1 (nf_conntrack_acct=1, nf_conntrack_timestamp=1, nft output chain: ct state new counter)</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 icmp     1 29 src=127.0.0.1 dst=127.0.0.1 type=8 code=0 id=3491 packets=1 bytes=84 src=127.0.0.1 dst=127.0.0.1 type=0 code=0 id=3491 packets=1 bytes=84 mark=0 delta-time=0 use=1 id=2056262907
    public static readonly byte[] LoopbackPingWithCounters = Fixture.Parse("""
        fc000000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 252, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        3c000180                                                     // CTA_TUPLE_ORIG (nested, 60 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                       // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                       // CTA_IP_V4_DST = 127.0.0.1
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  01000000                                       // CTA_PROTO_NUM = 1
            06000400  0da30000                                       // CTA_PROTO_ICMP_ID = 3491
            05000500  08000000                                       // CTA_PROTO_ICMP_TYPE = 8
            05000600  00000000                                       // CTA_PROTO_ICMP_CODE = 0
        3c000280                                                     // CTA_TUPLE_REPLY (nested, 60 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                       // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                       // CTA_IP_V4_DST = 127.0.0.1
          24000280                                                   // CTA_TUPLE_PROTO (nested, 36 bytes)
            05000100  01000000                                       // CTA_PROTO_NUM = 1
            06000400  0da30000                                       // CTA_PROTO_ICMP_ID = 3491
            05000500  00000000                                       // CTA_PROTO_ICMP_TYPE = 0
            05000600  00000000                                       // CTA_PROTO_ICMP_CODE = 0
        08000300  0000000a                                           // CTA_STATUS = 10
        08000800  00000000                                           // CTA_MARK = 0
        08000c00  7a9014fb                                           // CTA_ID = 2056262907
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000001                                // CTA_COUNTERS_PACKETS = 1
          0c000200  00000000 00000054                                // CTA_COUNTERS_BYTES = 84
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000001                                // CTA_COUNTERS_PACKETS = 1
          0c000200  00000000 00000054                                // CTA_COUNTERS_BYTES = 84
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 89483601                                // CTA_TIMESTAMP_START = 1795478460119397889
        """);

    /// <summary>LoopbackUdpLabelledMarked: <c>echo hi &gt; /dev/udp/127.0.0.1/9 (nft output chain: udp dport 9 ct label set 5; udp dport 9 ct mark set 0x2a)</c>.</summary>
    // conntrack -L -o extended,id: ipv4     2 udp      17 29 src=127.0.0.1 dst=127.0.0.1 sport=55592 dport=9 packets=1 bytes=31 [UNREPLIED] src=127.0.0.1 dst=127.0.0.1 sport=9 dport=55592 packets=0 bytes=0 mark=42 delta-time=0 use=1 id=1663024101
    public static readonly byte[] LoopbackUdpLabelledMarked = Fixture.Parse("""
        00010000 00010200 bcd3046b ac0d0000                          // nlmsghdr: len 256, type 0x0100, flags 0x0002, seq, pid
        02000000                                                     // nfgenmsg: family 2, version 0, res_id 0
        34000180                                                     // CTA_TUPLE_ORIG (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                       // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                       // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  d9280000                                       // CTA_PROTO_SRC_PORT = 55592
            06000300  00090000                                       // CTA_PROTO_DST_PORT = 9
        34000280                                                     // CTA_TUPLE_REPLY (nested, 52 bytes)
          14000180                                                   // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                       // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                       // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                   // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                       // CTA_PROTO_NUM = 17
            06000200  00090000                                       // CTA_PROTO_SRC_PORT = 9
            06000300  d9280000                                       // CTA_PROTO_DST_PORT = 55592
        08000300  00000008                                           // CTA_STATUS = 8
        08000800  0000002a                                           // CTA_MARK = 42
        08000c00  631fbbe5                                           // CTA_ID = 1663024101
        08000b00  00000001                                           // CTA_USE = 1
        08000700  0000001d                                           // CTA_TIMEOUT = 29
        1c000980                                                     // CTA_COUNTERS_ORIG (nested, 28 bytes)
          0c000100  00000000 00000001                                // CTA_COUNTERS_PACKETS = 1
          0c000200  00000000 0000001f                                // CTA_COUNTERS_BYTES = 31
        1c000a80                                                     // CTA_COUNTERS_REPLY (nested, 28 bytes)
          0c000100  00000000 00000000                                // CTA_COUNTERS_PACKETS = 0
          0c000200  00000000 00000000                                // CTA_COUNTERS_BYTES = 0
        10001480                                                     // CTA_TIMESTAMP (nested, 16 bytes)
          0c000100  18ead225 8972c406                                // CTA_TIMESTAMP_START = 1795478460122186758
        14001600  20000000 00000000 00000000 00000000                // CTA_LABELS = 16 bytes
        """);

    /// <summary>The first message of the IPCTNL_MSG_CT_GET_STATS_CPU dump (CPU 0), after the commands above.</summary>
    public static readonly byte[] CpuStatisticsCpu0 = Fixture.Parse("""
        64000000 04010200 bcd3046b bc0d0000                          // nlmsghdr: len 100, type 0x0104, flags 0x0002, seq, pid
        00000000                                                     // nfgenmsg: family 0, version 0, res_id 0
        08000200  00000000                                           // CTA_STATS_FOUND = 0
        08000400  00000000                                           // CTA_STATS_INVALID = 0
        08000800  00000006                                           // CTA_STATS_INSERT = 6
        08000900  00000000                                           // CTA_STATS_INSERT_FAILED = 0
        08000a00  00000000                                           // CTA_STATS_DROP = 0
        08000b00  00000000                                           // CTA_STATS_EARLY_DROP = 0
        08000c00  00000000                                           // CTA_STATS_ERROR = 0
        08000d00  00000000                                           // CTA_STATS_SEARCH_RESTART = 0
        08000e00  00000000                                           // CTA_STATS_CLASH_RESOLVE = 0
        08000f00  00000000                                           // CTA_STATS_CHAIN_TOOLONG = 0
        """);

    /// <summary>The second message of the IPCTNL_MSG_CT_GET_STATS_CPU dump (CPU 1).</summary>
    public static readonly byte[] CpuStatisticsCpu1 = Fixture.Parse("""
        64000000 04010200 bcd3046b bc0d0000                          // nlmsghdr: len 100, type 0x0104, flags 0x0002, seq, pid
        00000001                                                     // nfgenmsg: family 0, version 0, res_id 1
        08000200  00000000                                           // CTA_STATS_FOUND = 0
        08000400  00000000                                           // CTA_STATS_INVALID = 0
        08000800  00000004                                           // CTA_STATS_INSERT = 4
        08000900  00000000                                           // CTA_STATS_INSERT_FAILED = 0
        08000a00  00000000                                           // CTA_STATS_DROP = 0
        08000b00  00000000                                           // CTA_STATS_EARLY_DROP = 0
        08000c00  00000000                                           // CTA_STATS_ERROR = 0
        08000d00  00000000                                           // CTA_STATS_SEARCH_RESTART = 0
        08000e00  00000000                                           // CTA_STATS_CLASH_RESOLVE = 0
        08000f00  00000000                                           // CTA_STATS_CHAIN_TOOLONG = 0
        """);

    /// <summary>The reply to IPCTNL_MSG_CT_GET_STATS (before the ack): 12 entries, nf_conntrack_max 262144.</summary>
    public static readonly byte[] GlobalStatistics = Fixture.Parse("""
        24000000 05010200 bcd3046b 790d0000                          // nlmsghdr: len 36, type 0x0105, flags 0x0002, seq, pid
        00000000                                                     // nfgenmsg: family 0, version 0, res_id 0
        08000100  0000000c                                           // CTA_STATS_GLOBAL_ENTRIES = 12
        08000200  00040000                                           // CTA_STATS_GLOBAL_MAX_ENTRIES = 262144
        """);
}
