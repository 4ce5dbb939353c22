namespace NetCt.Interop;

/// <summary><c>enum ctattr_l4proto</c>: members of a CTA_TUPLE_PROTO nest.</summary>
public enum CtattrL4proto : ushort
{
    /// <summary>CTA_PROTO_UNSPEC.</summary>
    CTA_PROTO_UNSPEC = 0,

    /// <summary>CTA_PROTO_NUM: IP protocol number (u8).</summary>
    CTA_PROTO_NUM = 1,

    /// <summary>CTA_PROTO_SRC_PORT: source port, or GRE key (u16).</summary>
    CTA_PROTO_SRC_PORT = 2,

    /// <summary>CTA_PROTO_DST_PORT: destination port, or GRE key (u16).</summary>
    CTA_PROTO_DST_PORT = 3,

    /// <summary>CTA_PROTO_ICMP_ID: ICMP echo identifier (u16).</summary>
    CTA_PROTO_ICMP_ID = 4,

    /// <summary>CTA_PROTO_ICMP_TYPE: ICMP type (u8).</summary>
    CTA_PROTO_ICMP_TYPE = 5,

    /// <summary>CTA_PROTO_ICMP_CODE: ICMP code (u8).</summary>
    CTA_PROTO_ICMP_CODE = 6,

    /// <summary>CTA_PROTO_ICMPV6_ID: ICMPv6 echo identifier (u16).</summary>
    CTA_PROTO_ICMPV6_ID = 7,

    /// <summary>CTA_PROTO_ICMPV6_TYPE: ICMPv6 type (u8).</summary>
    CTA_PROTO_ICMPV6_TYPE = 8,

    /// <summary>CTA_PROTO_ICMPV6_CODE: ICMPv6 code (u8).</summary>
    CTA_PROTO_ICMPV6_CODE = 9,
}
