namespace NetCt.Interop;

/// <summary><c>enum ctattr_tuple</c>: members of a CTA_TUPLE_* nest.</summary>
public enum CtattrTuple : ushort
{
    /// <summary>CTA_TUPLE_UNSPEC.</summary>
    CTA_TUPLE_UNSPEC = 0,

    /// <summary>CTA_TUPLE_IP: addresses (nested <see cref="CtattrIp"/>).</summary>
    CTA_TUPLE_IP = 1,

    /// <summary>CTA_TUPLE_PROTO: layer-4 protocol and ports/ids (nested <see cref="CtattrL4proto"/>).</summary>
    CTA_TUPLE_PROTO = 2,

    /// <summary>CTA_TUPLE_ZONE: per-direction zone (u16).</summary>
    CTA_TUPLE_ZONE = 3,
}
