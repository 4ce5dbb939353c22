namespace NetCt.Interop;

/// <summary><c>enum ctattr_protoinfo_sctp</c>: members of a CTA_PROTOINFO_SCTP nest.</summary>
public enum CtattrProtoinfoSctp : ushort
{
    /// <summary>CTA_PROTOINFO_SCTP_UNSPEC.</summary>
    CTA_PROTOINFO_SCTP_UNSPEC = 0,

    /// <summary>CTA_PROTOINFO_SCTP_STATE: state (u8, <see cref="SctpConntrack"/>).</summary>
    CTA_PROTOINFO_SCTP_STATE = 1,

    /// <summary>CTA_PROTOINFO_SCTP_VTAG_ORIGINAL: original-direction verification tag (u32).</summary>
    CTA_PROTOINFO_SCTP_VTAG_ORIGINAL = 2,

    /// <summary>CTA_PROTOINFO_SCTP_VTAG_REPLY: reply-direction verification tag (u32).</summary>
    CTA_PROTOINFO_SCTP_VTAG_REPLY = 3,
}
