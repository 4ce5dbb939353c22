namespace NetCt.Cli.Output;

/// <summary>The IPPROTO_* numbers whose fields conntrack prints in its own way.</summary>
internal static class ProtocolNumbers
{
    public const byte Icmp = 1;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte Dccp = 33;
    public const byte Gre = 47;
    public const byte IcmpV6 = 58;
    public const byte Sctp = 132;
    public const byte UdpLite = 136;

    /// <summary>The protocols whose tuples carry ports (libnetfilter_conntrack prints sport=/dport= for them).</summary>
    public static bool HasPorts(byte protocol) =>
        protocol is Tcp or Udp or UdpLite or Sctp or Dccp;

    public static bool IsIcmp(byte protocol) => protocol is Icmp or IcmpV6;
}
