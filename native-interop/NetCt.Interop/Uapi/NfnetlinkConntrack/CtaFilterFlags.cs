namespace NetCt.Interop;

/// <summary>
/// Bits of CTA_FILTER_ORIG_FLAGS / CTA_FILTER_REPLY_FLAGS. They are not in the UAPI headers: the
/// kernel defines them as <c>CTA_FILTER_F_*</c> in net/netfilter/nf_internals.h (used by
/// nf_conntrack_netlink.c) and libnetfilter_conntrack copies them as the <c>CTA_FILTER_FLAG_*</c>
/// names used here.
/// </summary>
[Flags]
public enum CtaFilterFlags : uint
{
    /// <summary>CTA_FILTER_FLAG_CTA_IP_SRC: source address.</summary>
    CTA_FILTER_FLAG_CTA_IP_SRC = 1 << 0,

    /// <summary>CTA_FILTER_FLAG_CTA_IP_DST: destination address.</summary>
    CTA_FILTER_FLAG_CTA_IP_DST = 1 << 1,

    /// <summary>CTA_FILTER_FLAG_CTA_TUPLE_ZONE: tuple zone.</summary>
    CTA_FILTER_FLAG_CTA_TUPLE_ZONE = 1 << 2,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_NUM: layer-4 protocol number.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_NUM = 1 << 3,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_SRC_PORT: source port.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_SRC_PORT = 1 << 4,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_DST_PORT: destination port.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_DST_PORT = 1 << 5,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMP_TYPE: ICMP type.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMP_TYPE = 1 << 6,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMP_CODE: ICMP code.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMP_CODE = 1 << 7,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMP_ID: ICMP identifier.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMP_ID = 1 << 8,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_TYPE: ICMPv6 type.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_TYPE = 1 << 9,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_CODE: ICMPv6 code.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_CODE = 1 << 10,

    /// <summary>CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID: ICMPv6 identifier.</summary>
    CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID = 1 << 11,
}
