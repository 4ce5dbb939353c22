namespace NetCt.Conntrack;

/// <summary>CTA_PROTOINFO_TCP: the TCP tracker's state for an entry.</summary>
public sealed class TcpInfo
{
    /// <summary>CTA_PROTOINFO_TCP_STATE.</summary>
    public TcpState? State { get; set; }

    /// <summary>CTA_PROTOINFO_TCP_WSCALE_ORIGINAL.</summary>
    public byte? WindowScaleOriginal { get; set; }

    /// <summary>CTA_PROTOINFO_TCP_WSCALE_REPLY.</summary>
    public byte? WindowScaleReply { get; set; }

    /// <summary>CTA_PROTOINFO_TCP_FLAGS_ORIGINAL: tracker flags (IP_CT_TCP_FLAG_*) of the original direction.</summary>
    public TcpFlagsAndMask? FlagsOriginal { get; set; }

    /// <summary>CTA_PROTOINFO_TCP_FLAGS_REPLY: tracker flags (IP_CT_TCP_FLAG_*) of the reply direction.</summary>
    public TcpFlagsAndMask? FlagsReply { get; set; }

    /// <summary>Sets every field back to unset, for a decoder that reuses the instance (<see cref="ReusableFlowDecoder"/>).</summary>
    internal void Clear()
    {
        State = null;
        WindowScaleOriginal = null;
        WindowScaleReply = null;
        FlagsOriginal = null;
        FlagsReply = null;
    }
}

/// <summary>struct nf_ct_tcp_flags: tracker flag bits and the mask of bits being set or reported.</summary>
/// <param name="Flags">The flag bits.</param>
/// <param name="Mask">Which bits <paramref name="Flags"/> speaks for.</param>
public readonly record struct TcpFlagsAndMask(byte Flags, byte Mask);

/// <summary>CTA_PROTOINFO_SCTP: the SCTP tracker's state for an entry.</summary>
public sealed class SctpInfo
{
    /// <summary>CTA_PROTOINFO_SCTP_STATE.</summary>
    public SctpState? State { get; set; }

    /// <summary>CTA_PROTOINFO_SCTP_VTAG_ORIGINAL.</summary>
    public uint? VerificationTagOriginal { get; set; }

    /// <summary>CTA_PROTOINFO_SCTP_VTAG_REPLY.</summary>
    public uint? VerificationTagReply { get; set; }

    /// <summary>Sets every field back to unset, for a decoder that reuses the instance (<see cref="ReusableFlowDecoder"/>).</summary>
    internal void Clear()
    {
        State = null;
        VerificationTagOriginal = null;
        VerificationTagReply = null;
    }
}

/// <summary>CTA_PROTOINFO_DCCP: the DCCP tracker's state for an entry (kernels before 6.16).</summary>
public sealed class DccpInfo
{
    /// <summary>CTA_PROTOINFO_DCCP_STATE.</summary>
    public DccpState? State { get; set; }

    /// <summary>CTA_PROTOINFO_DCCP_ROLE.</summary>
    public DccpRole? Role { get; set; }

    /// <summary>CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ.</summary>
    public ulong? HandshakeSequence { get; set; }

    /// <summary>Sets every field back to unset, for a decoder that reuses the instance (<see cref="ReusableFlowDecoder"/>).</summary>
    internal void Clear()
    {
        State = null;
        Role = null;
        HandshakeSequence = null;
    }
}
