namespace NetCt.Interop;

/// <summary>
/// TCP tracking flags (<c>IP_CT_TCP_FLAG_*</c> and friends in <c>linux/netfilter/nf_conntrack_tcp.h</c>),
/// carried in CTA_PROTOINFO_TCP_FLAGS_* as <c>struct nf_ct_tcp_flags { u8 flags; u8 mask; }</c>.
/// </summary>
[Flags]
public enum IpCtTcpFlags : byte
{
    /// <summary>IP_CT_TCP_FLAG_WINDOW_SCALE: the sender advertised window scaling.</summary>
    IP_CT_TCP_FLAG_WINDOW_SCALE = 0x01,

    /// <summary>IP_CT_TCP_FLAG_SACK_PERM: the sender permits SACK.</summary>
    IP_CT_TCP_FLAG_SACK_PERM = 0x02,

    /// <summary>IP_CT_TCP_FLAG_CLOSE_INIT: this sender sent FIN first.</summary>
    IP_CT_TCP_FLAG_CLOSE_INIT = 0x04,

    /// <summary>IP_CT_TCP_FLAG_BE_LIBERAL: liberal window checking.</summary>
    IP_CT_TCP_FLAG_BE_LIBERAL = 0x08,

    /// <summary>IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED: unacknowledged data outstanding.</summary>
    IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED = 0x10,

    /// <summary>IP_CT_TCP_FLAG_MAXACK_SET: td_maxack has been set.</summary>
    IP_CT_TCP_FLAG_MAXACK_SET = 0x20,

    /// <summary>IP_CT_EXP_CHALLENGE_ACK: an RFC 5961 challenge ACK may follow.</summary>
    IP_CT_EXP_CHALLENGE_ACK = 0x40,

    /// <summary>IP_CT_TCP_SIMULTANEOUS_OPEN: simultaneous open initialised.</summary>
    IP_CT_TCP_SIMULTANEOUS_OPEN = 0x80,
}
