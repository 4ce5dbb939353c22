namespace NetCt.Interop;

/// <summary><c>enum ctattr_protonat</c>: members of a CTA_NAT_PROTO nest.</summary>
public enum CtattrProtonat : ushort
{
    /// <summary>CTA_PROTONAT_UNSPEC.</summary>
    CTA_PROTONAT_UNSPEC = 0,

    /// <summary>CTA_PROTONAT_PORT_MIN: lowest port of the range (u16).</summary>
    CTA_PROTONAT_PORT_MIN = 1,

    /// <summary>CTA_PROTONAT_PORT_MAX: highest port of the range (u16).</summary>
    CTA_PROTONAT_PORT_MAX = 2,
}
