namespace NetCt.Interop;

/// <summary><c>enum ctattr_protoinfo</c>: members of a CTA_PROTOINFO nest.</summary>
public enum CtattrProtoinfo : ushort
{
    /// <summary>CTA_PROTOINFO_UNSPEC.</summary>
    CTA_PROTOINFO_UNSPEC = 0,

    /// <summary>CTA_PROTOINFO_TCP: TCP state (nested <see cref="CtattrProtoinfoTcp"/>).</summary>
    CTA_PROTOINFO_TCP = 1,

    /// <summary>CTA_PROTOINFO_DCCP: DCCP state (nested <see cref="CtattrProtoinfoDccp"/>).</summary>
    CTA_PROTOINFO_DCCP = 2,

    /// <summary>CTA_PROTOINFO_SCTP: SCTP state (nested <see cref="CtattrProtoinfoSctp"/>).</summary>
    CTA_PROTOINFO_SCTP = 3,
}
