using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Timeouts;

/// <summary>The protocol words of nfct's timeout subsystem that have states, and their numbers.</summary>
internal static class TimeoutProtocolNames
{
    public static readonly (string Name, byte Number)[] All =
    [
        ("tcp", IpProtocols.IPPROTO_TCP),
        ("udp", IpProtocols.IPPROTO_UDP),
        ("udplite", IpProtocols.IPPROTO_UDPLITE),
        ("icmp", IpProtocols.IPPROTO_ICMP),
        ("icmpv6", IpProtocols.IPPROTO_ICMPV6),
        ("sctp", IpProtocols.IPPROTO_SCTP),
        ("dccp", IpProtocols.IPPROTO_DCCP),
        ("gre", IpProtocols.IPPROTO_GRE),
        ("generic", TimeoutProtocols.Generic),
    ];

    public static string? NameOf(byte number) => Array.Find(All, entry => entry.Number == number).Name;

    public static byte? NumberOf(string name) => Array.FindIndex(All, entry => entry.Name == name) is int i and >= 0 ? All[i].Number : null;
}
