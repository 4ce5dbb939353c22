namespace NetCt.Interop;

/// <summary>IP protocol numbers conntrack tracks (<c>netinet/in.h</c>); the value of CTA_PROTO_NUM.</summary>
public static class IpProtocols
{
    /// <summary>IPPROTO_ICMP.</summary>
    public const byte IPPROTO_ICMP = 1;

    /// <summary>IPPROTO_TCP.</summary>
    public const byte IPPROTO_TCP = 6;

    /// <summary>IPPROTO_UDP.</summary>
    public const byte IPPROTO_UDP = 17;

    /// <summary>IPPROTO_DCCP.</summary>
    public const byte IPPROTO_DCCP = 33;

    /// <summary>IPPROTO_GRE.</summary>
    public const byte IPPROTO_GRE = 47;

    /// <summary>IPPROTO_ICMPV6.</summary>
    public const byte IPPROTO_ICMPV6 = 58;

    /// <summary>IPPROTO_SCTP.</summary>
    public const byte IPPROTO_SCTP = 132;

    /// <summary>IPPROTO_UDPLITE.</summary>
    public const byte IPPROTO_UDPLITE = 136;

    /// <summary>IPPROTO_RAW: what the cttimeout subsystem takes for its generic tracker.</summary>
    public const byte IPPROTO_RAW = 255;
}
