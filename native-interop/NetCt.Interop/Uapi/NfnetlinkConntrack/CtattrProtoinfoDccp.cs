namespace NetCt.Interop;

/// <summary><c>enum ctattr_protoinfo_dccp</c>: members of a CTA_PROTOINFO_DCCP nest.</summary>
public enum CtattrProtoinfoDccp : ushort
{
    /// <summary>CTA_PROTOINFO_DCCP_UNSPEC.</summary>
    CTA_PROTOINFO_DCCP_UNSPEC = 0,

    /// <summary>CTA_PROTOINFO_DCCP_STATE: state (u8).</summary>
    CTA_PROTOINFO_DCCP_STATE = 1,

    /// <summary>CTA_PROTOINFO_DCCP_ROLE: role of the original direction (u8).</summary>
    CTA_PROTOINFO_DCCP_ROLE = 2,

    /// <summary>CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ: handshake sequence number (u64).</summary>
    CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ = 3,

    /// <summary>CTA_PROTOINFO_DCCP_PAD: padding for 64-bit alignment; ignore.</summary>
    CTA_PROTOINFO_DCCP_PAD = 4,
}
