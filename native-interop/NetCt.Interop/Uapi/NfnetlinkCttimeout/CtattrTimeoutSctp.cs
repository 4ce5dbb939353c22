namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_sctp</c>: the nested attributes of CTA_TIMEOUT_DATA for sctp, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutSctp : ushort
{
    /// <summary>CTA_TIMEOUT_SCTP_UNSPEC.</summary>
    CTA_TIMEOUT_SCTP_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_SCTP_CLOSED.</summary>
    CTA_TIMEOUT_SCTP_CLOSED = 1,

    /// <summary>CTA_TIMEOUT_SCTP_COOKIE_WAIT.</summary>
    CTA_TIMEOUT_SCTP_COOKIE_WAIT = 2,

    /// <summary>CTA_TIMEOUT_SCTP_COOKIE_ECHOED.</summary>
    CTA_TIMEOUT_SCTP_COOKIE_ECHOED = 3,

    /// <summary>CTA_TIMEOUT_SCTP_ESTABLISHED.</summary>
    CTA_TIMEOUT_SCTP_ESTABLISHED = 4,

    /// <summary>CTA_TIMEOUT_SCTP_SHUTDOWN_SENT.</summary>
    CTA_TIMEOUT_SCTP_SHUTDOWN_SENT = 5,

    /// <summary>CTA_TIMEOUT_SCTP_SHUTDOWN_RECD.</summary>
    CTA_TIMEOUT_SCTP_SHUTDOWN_RECD = 6,

    /// <summary>CTA_TIMEOUT_SCTP_SHUTDOWN_ACK_SENT.</summary>
    CTA_TIMEOUT_SCTP_SHUTDOWN_ACK_SENT = 7,

    /// <summary>CTA_TIMEOUT_SCTP_HEARTBEAT_SENT.</summary>
    CTA_TIMEOUT_SCTP_HEARTBEAT_SENT = 8,

    /// <summary>CTA_TIMEOUT_SCTP_HEARTBEAT_ACKED.</summary>
    CTA_TIMEOUT_SCTP_HEARTBEAT_ACKED = 9,
}
