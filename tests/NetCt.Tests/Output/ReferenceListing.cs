using System.Net;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// Ten entries made with conntrack 1.4.8 -I in a private namespace (kernel 6.18, no DCCP tracker, so
/// the DCCP entry has no ports) and what the reference printed for them. Captured with:
/// <code>
/// unshare -n sh -c 'conntrack -I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -u ASSURED -m 5 -w 3;
///   conntrack -I ... -p udp --sport 53 --dport 5353 -t 50; ... -p udplite --sport 7 --dport 8 -t 51 -u SEEN_REPLY;
///   ... -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 77 -t 29;
///   conntrack -I -s 2001:db8::1 -d 2001:db8::2 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 99 -t 28;
///   ... -p sctp --sport 10 --dport 20 --state ESTABLISHED --orig-vtag 1 --reply-vtag 2 -t 200;
///   ... -p dccp --sport 10 --dport 20 --state OPEN --role client -t 200; ... -p gre --srckey 0x10 --dstkey 0x20 -t 200;
///   ... -p 99 -t 300; conntrack -I -s 2001:db8::1 -d 2001:db8::2 -p tcp --sport 3 --dport 4 --state SYN_SENT -t 120 -u SEEN_REPLY,ASSURED,FIXED_TIMEOUT;
///   for o in "" extended,id save xml,id,ktimestamp; do conntrack -L ${o:+-o $o}; done'
/// </code>
/// The entries below carry the attribute values the kernel reported (timeouts and ids as printed).
/// </summary>
internal static class ReferenceListing
{
    private static readonly IPAddress A = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress B = IPAddress.Parse("198.51.100.2");
    private static readonly IPAddress A6 = IPAddress.Parse("2001:db8::1");
    private static readonly IPAddress B6 = IPAddress.Parse("2001:db8::2");

    private const FlowStatus Confirmed = FlowStatus.Confirmed;

    /// <summary>The entries in the order the kernel dumped them.</summary>
    public static Flow[] Entries() =>
    [
        Entry(IpFamily.IPv6, Confirmed, 27, 490824888, Icmp(A6, B6, 58, 128, 99), Icmp(B6, A6, 58, 129, 99)),
        Entry(IpFamily.IPv6, Confirmed | FlowStatus.SeenReply | FlowStatus.Assured | FlowStatus.FixedTimeout, 119, 3045001093,
            Ports(A6, B6, 6, 3, 4), Ports(B6, A6, 6, 4, 3), tcp: TcpState.SynSent),
        Entry(IpFamily.IPv4, Confirmed, 299, 240588975, Bare(A, B, 99), Bare(B, A, 99)),
        With(Entry(IpFamily.IPv4, Confirmed | FlowStatus.Assured, 99, 329081093, Ports(A, B, 6, 1, 2), Ports(B, A, 6, 2, 1), tcp: TcpState.Established),
            flow => { flow.Mark = 5; flow.Zone = 3; }),
        Entry(IpFamily.IPv4, Confirmed, 199, 253464614, Ports(A, B, 47, 0x10, 0x20), Ports(B, A, 47, 0x20, 0x10)),
        With(Entry(IpFamily.IPv4, Confirmed, 199, 80267436, Ports(A, B, 132, 10, 20), Ports(B, A, 132, 20, 10)),
            // conntrack -I sent the tags byte-swapped (--orig-vtag 1 is 0x01000000 in the kernel).
            flow => flow.Sctp = new SctpInfo { State = SctpState.Established, VerificationTagOriginal = 0x01000000, VerificationTagReply = 0x02000000 }),
        Entry(IpFamily.IPv4, Confirmed | FlowStatus.SeenReply, 50, 352661420, Ports(A, B, 136, 7, 8), Ports(B, A, 136, 8, 7)),
        Entry(IpFamily.IPv4, Confirmed, 49, 3678151569, Ports(A, B, 17, 53, 5353), Ports(B, A, 17, 5353, 53)),
        Entry(IpFamily.IPv4, Confirmed, 28, 736049251, Icmp(A, B, 1, 8, 77), Icmp(B, A, 1, 0, 77)),
        Entry(IpFamily.IPv4, Confirmed, 199, 4040929967, Bare(A, B, 33), Bare(B, A, 33)),
    ];

    public const string Default = """
        icmpv6   58 27 src=2001:db8::1 dst=2001:db8::2 type=128 code=0 id=99 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 type=129 code=0 id=99 mark=0 use=1
        tcp      6 119 SYN_SENT src=2001:db8::1 dst=2001:db8::2 sport=3 dport=4 src=2001:db8::2 dst=2001:db8::1 sport=4 dport=3 [ASSURED] mark=0 use=1
        unknown  99 299 src=192.0.2.1 dst=198.51.100.2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 mark=0 use=1
        tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=5 zone=3 use=1
        gre      47 199 src=192.0.2.1 dst=198.51.100.2 srckey=0x10 dstkey=0x20 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 srckey=0x20 dstkey=0x10 mark=0 use=1
        sctp     132 199 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=10 dport=20 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=20 dport=10 mark=0 use=1
        udplite  136 50 src=192.0.2.1 dst=198.51.100.2 sport=7 dport=8 src=198.51.100.2 dst=192.0.2.1 sport=8 dport=7 mark=0 use=1
        udp      17 49 src=192.0.2.1 dst=198.51.100.2 sport=53 dport=5353 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=5353 dport=53 mark=0 use=1
        icmp     1 28 src=192.0.2.1 dst=198.51.100.2 type=8 code=0 id=77 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 type=0 code=0 id=77 mark=0 use=1
        dccp     33 199 src=192.0.2.1 dst=198.51.100.2 sport=0 dport=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=0 dport=0 mark=0 use=1
        """;

    public const string ExtendedId = """
        ipv6     10 icmpv6   58 27 src=2001:db8::1 dst=2001:db8::2 type=128 code=0 id=99 [UNREPLIED] src=2001:db8::2 dst=2001:db8::1 type=129 code=0 id=99 mark=0 use=1 id=490824888
        ipv6     10 tcp      6 119 SYN_SENT src=2001:db8::1 dst=2001:db8::2 sport=3 dport=4 src=2001:db8::2 dst=2001:db8::1 sport=4 dport=3 [ASSURED] mark=0 use=1 id=3045001093
        ipv4     2 unknown  99 299 src=192.0.2.1 dst=198.51.100.2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 mark=0 use=1 id=240588975
        ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=5 zone=3 use=1 id=329081093
        ipv4     2 gre      47 199 src=192.0.2.1 dst=198.51.100.2 srckey=0x10 dstkey=0x20 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 srckey=0x20 dstkey=0x10 mark=0 use=1 id=253464614
        ipv4     2 sctp     132 199 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=10 dport=20 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=20 dport=10 mark=0 use=1 id=80267436
        ipv4     2 udplite  136 50 src=192.0.2.1 dst=198.51.100.2 sport=7 dport=8 src=198.51.100.2 dst=192.0.2.1 sport=8 dport=7 mark=0 use=1 id=352661420
        ipv4     2 udp      17 49 src=192.0.2.1 dst=198.51.100.2 sport=53 dport=5353 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=5353 dport=53 mark=0 use=1 id=3678151569
        ipv4     2 icmp     1 28 src=192.0.2.1 dst=198.51.100.2 type=8 code=0 id=77 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 type=0 code=0 id=77 mark=0 use=1 id=736049251
        ipv4     2 dccp     33 199 src=192.0.2.1 dst=198.51.100.2 sport=0 dport=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=0 dport=0 mark=0 use=1 id=4040929967
        """;

    public const string Save = """
        -A -t 27 -u UNSET -s 2001:db8::1 -d 2001:db8::2 -r 2001:db8::2 -q 2001:db8::1 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 99
        -A -t 119 -u SEEN_REPLY,ASSURED,FIXED_TIMEOUT -s 2001:db8::1 -d 2001:db8::2 -r 2001:db8::2 -q 2001:db8::1 -p tcp --sport 3 --dport 4 --reply-port-src 4 --reply-port-dst 3 --state SYN_SENT
        -A -t 299 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p 99
        -A -t 99 -u ASSURED -w 3 -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED
        -A -t 199 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p gre --srckey 16 --dstkey 32 --reply-key-src 32 --reply-key-dst 16
        -A -t 199 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p sctp --sport 10 --dport 20 --reply-port-src 20 --reply-port-dst 10 --state ESTABLISHED --orig-vtag 1 --reply-vtag 2
        -A -t 50 -u SEEN_REPLY -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p udplite --sport 7 --dport 8 --reply-port-src 8 --reply-port-dst 7
        -A -t 49 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p udp --sport 53 --dport 5353 --reply-port-src 5353 --reply-port-dst 53
        -A -t 28 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 77
        -A -t 199 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p dccp
        """;

    public const string XmlIdKTimestamp = """
        <?xml version="1.0" encoding="utf-8"?>
        <conntrack>
        <flow><meta direction="original"><layer3 protonum="10" protoname="ipv6"><src>2001:db8::1</src><dst>2001:db8::2</dst></layer3><layer4 protonum="58" protoname="icmpv6"></layer4></meta><meta direction="reply"><layer3 protonum="10" protoname="ipv6"><src>2001:db8::2</src><dst>2001:db8::1</dst></layer3><layer4 protonum="58" protoname="icmpv6"></layer4></meta><meta direction="independent"><timeout>27</timeout><mark>0</mark><use>1</use><id>490824888</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="10" protoname="ipv6"><src>2001:db8::1</src><dst>2001:db8::2</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>3</sport><dport>4</dport></layer4></meta><meta direction="reply"><layer3 protonum="10" protoname="ipv6"><src>2001:db8::2</src><dst>2001:db8::1</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>4</sport><dport>3</dport></layer4></meta><meta direction="independent"><state>SYN_SENT</state><timeout>119</timeout><mark>0</mark><use>1</use><id>3045001093</id><assured/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="99" protoname="unknown"></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="99" protoname="unknown"></layer4></meta><meta direction="independent"><timeout>299</timeout><mark>0</mark><use>1</use><id>240588975</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>2</sport><dport>1</dport></layer4></meta><meta direction="independent"><state>ESTABLISHED</state><timeout>99</timeout><mark>5</mark><zone>3</zone><use>1</use><id>329081093</id><assured/><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="47" protoname="gre"><srckey>0x10</srckey><dstkey>0x20</dstkey></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="47" protoname="gre"><srckey>0x20</srckey><dstkey>0x10</dstkey></layer4></meta><meta direction="independent"><timeout>199</timeout><mark>0</mark><use>1</use><id>253464614</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="132" protoname="sctp"><sport>10</sport><dport>20</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="132" protoname="sctp"><sport>20</sport><dport>10</dport></layer4></meta><meta direction="independent"><state>FIN_WAIT</state><timeout>199</timeout><mark>0</mark><use>1</use><id>80267436</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="136" protoname="udplite"><sport>7</sport><dport>8</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="136" protoname="udplite"><sport>8</sport><dport>7</dport></layer4></meta><meta direction="independent"><timeout>50</timeout><mark>0</mark><use>1</use><id>352661420</id></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>53</sport><dport>5353</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="17" protoname="udp"><sport>5353</sport><dport>53</dport></layer4></meta><meta direction="independent"><timeout>49</timeout><mark>0</mark><use>1</use><id>3678151569</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="1" protoname="icmp"></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="1" protoname="icmp"></layer4></meta><meta direction="independent"><timeout>28</timeout><mark>0</mark><use>1</use><id>736049251</id><unreplied/></meta></flow>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="33" protoname="dccp"><sport>0</sport><dport>0</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="33" protoname="dccp"><sport>0</sport><dport>0</dport></layer4></meta><meta direction="independent"><timeout>199</timeout><mark>0</mark><use>1</use><id>4040929967</id><unreplied/></meta></flow>
        </conntrack>
        """;

    private static Flow Entry(IpFamily family, FlowStatus status, uint timeout, uint id, FlowTuple original, FlowTuple reply, TcpState? tcp = null) => new()
    {
        Family = family,
        Original = original,
        Reply = reply,
        Status = status,
        Timeout = timeout,
        Mark = 0,
        Use = 1,
        Id = id,
        Tcp = tcp is null ? null : new TcpInfo { State = tcp },
    };

    private static Flow With(Flow flow, Action<Flow> change)
    {
        change(flow);
        return flow;
    }

    private static FlowTuple Bare(IPAddress source, IPAddress destination, byte protocol) =>
        new() { Source = source, Destination = destination, Protocol = protocol };

    private static FlowTuple Ports(IPAddress source, IPAddress destination, byte protocol, ushort sourcePort, ushort destinationPort) =>
        new() { Source = source, Destination = destination, Protocol = protocol, SourcePort = sourcePort, DestinationPort = destinationPort };

    private static FlowTuple Icmp(IPAddress source, IPAddress destination, byte protocol, byte type, ushort id) =>
        new() { Source = source, Destination = destination, Protocol = protocol, IcmpType = type, IcmpCode = 0, IcmpId = id };
}
