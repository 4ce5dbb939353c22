namespace NetCt.Interop;

/// <summary><c>enum ctattr_protoinfo_tcp</c>: members of a CTA_PROTOINFO_TCP nest.</summary>
public enum CtattrProtoinfoTcp : ushort
{
    /// <summary>CTA_PROTOINFO_TCP_UNSPEC.</summary>
    CTA_PROTOINFO_TCP_UNSPEC = 0,

    /// <summary>CTA_PROTOINFO_TCP_STATE: state (u8, <see cref="TcpConntrack"/>).</summary>
    CTA_PROTOINFO_TCP_STATE = 1,

    /// <summary>CTA_PROTOINFO_TCP_WSCALE_ORIGINAL: original-direction window scale (u8).</summary>
    CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 2,

    /// <summary>CTA_PROTOINFO_TCP_WSCALE_REPLY: reply-direction window scale (u8).</summary>
    CTA_PROTOINFO_TCP_WSCALE_REPLY = 3,

    /// <summary>CTA_PROTOINFO_TCP_FLAGS_ORIGINAL: original-direction flags and mask (struct nf_ct_tcp_flags, 2 bytes, <see cref="IpCtTcpFlags"/>).</summary>
    CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = 4,

    /// <summary>CTA_PROTOINFO_TCP_FLAGS_REPLY: reply-direction flags and mask (struct nf_ct_tcp_flags, 2 bytes).</summary>
    CTA_PROTOINFO_TCP_FLAGS_REPLY = 5,
}
