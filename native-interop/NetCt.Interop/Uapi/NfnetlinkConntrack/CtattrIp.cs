namespace NetCt.Interop;

/// <summary><c>enum ctattr_ip</c>: members of a CTA_TUPLE_IP nest (addresses in network order).</summary>
public enum CtattrIp : ushort
{
    /// <summary>CTA_IP_UNSPEC.</summary>
    CTA_IP_UNSPEC = 0,

    /// <summary>CTA_IP_V4_SRC: IPv4 source address (4 bytes).</summary>
    CTA_IP_V4_SRC = 1,

    /// <summary>CTA_IP_V4_DST: IPv4 destination address (4 bytes).</summary>
    CTA_IP_V4_DST = 2,

    /// <summary>CTA_IP_V6_SRC: IPv6 source address (16 bytes).</summary>
    CTA_IP_V6_SRC = 3,

    /// <summary>CTA_IP_V6_DST: IPv6 destination address (16 bytes).</summary>
    CTA_IP_V6_DST = 4,
}
