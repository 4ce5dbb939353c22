using System.Runtime.CompilerServices;
using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>The groups of IPPROTO_* numbers whose fields conntrack prints in their own way.</summary>
internal static class ProtocolNumbers
{
    /// <summary>The protocols whose tuples carry ports (libnetfilter_conntrack prints sport=/dport= for them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasPorts(byte protocol) =>
        protocol is IpProtocols.IPPROTO_TCP or IpProtocols.IPPROTO_UDP or IpProtocols.IPPROTO_UDPLITE
            or IpProtocols.IPPROTO_SCTP or IpProtocols.IPPROTO_DCCP;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIcmp(byte protocol) => protocol is IpProtocols.IPPROTO_ICMP or IpProtocols.IPPROTO_ICMPV6;
}
