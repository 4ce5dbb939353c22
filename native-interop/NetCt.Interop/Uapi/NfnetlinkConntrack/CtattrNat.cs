namespace NetCt.Interop;

/// <summary><c>enum ctattr_nat</c>: members of a CTA_NAT_SRC / CTA_NAT_DST nest.</summary>
public enum CtattrNat : ushort
{
    /// <summary>CTA_NAT_UNSPEC.</summary>
    CTA_NAT_UNSPEC = 0,

    /// <summary>CTA_NAT_V4_MINIP: lowest IPv4 address of the range (4 bytes).</summary>
    CTA_NAT_V4_MINIP = 1,

    /// <summary>CTA_NAT_MINIP: alias of CTA_NAT_V4_MINIP.</summary>
    CTA_NAT_MINIP = CTA_NAT_V4_MINIP,

    /// <summary>CTA_NAT_V4_MAXIP: highest IPv4 address of the range (4 bytes).</summary>
    CTA_NAT_V4_MAXIP = 2,

    /// <summary>CTA_NAT_MAXIP: alias of CTA_NAT_V4_MAXIP.</summary>
    CTA_NAT_MAXIP = CTA_NAT_V4_MAXIP,

    /// <summary>CTA_NAT_PROTO: port range (nested <see cref="CtattrProtonat"/>).</summary>
    CTA_NAT_PROTO = 3,

    /// <summary>CTA_NAT_V6_MINIP: lowest IPv6 address of the range (16 bytes).</summary>
    CTA_NAT_V6_MINIP = 4,

    /// <summary>CTA_NAT_V6_MAXIP: highest IPv6 address of the range (16 bytes).</summary>
    CTA_NAT_V6_MAXIP = 5,
}
