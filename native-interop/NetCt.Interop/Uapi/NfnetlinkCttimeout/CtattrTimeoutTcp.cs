namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_tcp</c>: the nested attributes of CTA_TIMEOUT_DATA for tcp, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutTcp : ushort
{
    /// <summary>CTA_TIMEOUT_TCP_UNSPEC.</summary>
    CTA_TIMEOUT_TCP_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_TCP_SYN_SENT.</summary>
    CTA_TIMEOUT_TCP_SYN_SENT = 1,

    /// <summary>CTA_TIMEOUT_TCP_SYN_RECV.</summary>
    CTA_TIMEOUT_TCP_SYN_RECV = 2,

    /// <summary>CTA_TIMEOUT_TCP_ESTABLISHED.</summary>
    CTA_TIMEOUT_TCP_ESTABLISHED = 3,

    /// <summary>CTA_TIMEOUT_TCP_FIN_WAIT.</summary>
    CTA_TIMEOUT_TCP_FIN_WAIT = 4,

    /// <summary>CTA_TIMEOUT_TCP_CLOSE_WAIT.</summary>
    CTA_TIMEOUT_TCP_CLOSE_WAIT = 5,

    /// <summary>CTA_TIMEOUT_TCP_LAST_ACK.</summary>
    CTA_TIMEOUT_TCP_LAST_ACK = 6,

    /// <summary>CTA_TIMEOUT_TCP_TIME_WAIT.</summary>
    CTA_TIMEOUT_TCP_TIME_WAIT = 7,

    /// <summary>CTA_TIMEOUT_TCP_CLOSE.</summary>
    CTA_TIMEOUT_TCP_CLOSE = 8,

    /// <summary>CTA_TIMEOUT_TCP_SYN_SENT2.</summary>
    CTA_TIMEOUT_TCP_SYN_SENT2 = 9,

    /// <summary>CTA_TIMEOUT_TCP_RETRANS.</summary>
    CTA_TIMEOUT_TCP_RETRANS = 10,

    /// <summary>CTA_TIMEOUT_TCP_UNACK.</summary>
    CTA_TIMEOUT_TCP_UNACK = 11,
}
