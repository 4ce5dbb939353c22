namespace NetCt.Interop;

/// <summary><c>enum sctp_conntrack</c> (<c>linux/netfilter/nf_conntrack_sctp.h</c>): values of CTA_PROTOINFO_SCTP_STATE.</summary>
public enum SctpConntrack : byte
{
    /// <summary>SCTP_CONNTRACK_NONE.</summary>
    SCTP_CONNTRACK_NONE = 0,

    /// <summary>SCTP_CONNTRACK_CLOSED.</summary>
    SCTP_CONNTRACK_CLOSED = 1,

    /// <summary>SCTP_CONNTRACK_COOKIE_WAIT.</summary>
    SCTP_CONNTRACK_COOKIE_WAIT = 2,

    /// <summary>SCTP_CONNTRACK_COOKIE_ECHOED.</summary>
    SCTP_CONNTRACK_COOKIE_ECHOED = 3,

    /// <summary>SCTP_CONNTRACK_ESTABLISHED.</summary>
    SCTP_CONNTRACK_ESTABLISHED = 4,

    /// <summary>SCTP_CONNTRACK_SHUTDOWN_SENT.</summary>
    SCTP_CONNTRACK_SHUTDOWN_SENT = 5,

    /// <summary>SCTP_CONNTRACK_SHUTDOWN_RECD.</summary>
    SCTP_CONNTRACK_SHUTDOWN_RECD = 6,

    /// <summary>SCTP_CONNTRACK_SHUTDOWN_ACK_SENT.</summary>
    SCTP_CONNTRACK_SHUTDOWN_ACK_SENT = 7,

    /// <summary>SCTP_CONNTRACK_HEARTBEAT_SENT.</summary>
    SCTP_CONNTRACK_HEARTBEAT_SENT = 8,

    /// <summary>SCTP_CONNTRACK_HEARTBEAT_ACKED: no longer used.</summary>
    SCTP_CONNTRACK_HEARTBEAT_ACKED = 9,

    /// <summary>SCTP_CONNTRACK_MAX: number of states.</summary>
    SCTP_CONNTRACK_MAX = 10,
}
