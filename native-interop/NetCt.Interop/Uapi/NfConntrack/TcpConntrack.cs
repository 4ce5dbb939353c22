namespace NetCt.Interop;

/// <summary><c>enum tcp_conntrack</c> (<c>linux/netfilter/nf_conntrack_tcp.h</c>): values of CTA_PROTOINFO_TCP_STATE.</summary>
public enum TcpConntrack : byte
{
    /// <summary>TCP_CONNTRACK_NONE.</summary>
    TCP_CONNTRACK_NONE = 0,

    /// <summary>TCP_CONNTRACK_SYN_SENT.</summary>
    TCP_CONNTRACK_SYN_SENT = 1,

    /// <summary>TCP_CONNTRACK_SYN_RECV.</summary>
    TCP_CONNTRACK_SYN_RECV = 2,

    /// <summary>TCP_CONNTRACK_ESTABLISHED.</summary>
    TCP_CONNTRACK_ESTABLISHED = 3,

    /// <summary>TCP_CONNTRACK_FIN_WAIT.</summary>
    TCP_CONNTRACK_FIN_WAIT = 4,

    /// <summary>TCP_CONNTRACK_CLOSE_WAIT.</summary>
    TCP_CONNTRACK_CLOSE_WAIT = 5,

    /// <summary>TCP_CONNTRACK_LAST_ACK.</summary>
    TCP_CONNTRACK_LAST_ACK = 6,

    /// <summary>TCP_CONNTRACK_TIME_WAIT.</summary>
    TCP_CONNTRACK_TIME_WAIT = 7,

    /// <summary>TCP_CONNTRACK_CLOSE.</summary>
    TCP_CONNTRACK_CLOSE = 8,

    /// <summary>TCP_CONNTRACK_LISTEN: obsolete name of the simultaneous-open state.</summary>
    TCP_CONNTRACK_LISTEN = 9,

    /// <summary>TCP_CONNTRACK_SYN_SENT2: alias of TCP_CONNTRACK_LISTEN (simultaneous open).</summary>
    TCP_CONNTRACK_SYN_SENT2 = TCP_CONNTRACK_LISTEN,

    /// <summary>TCP_CONNTRACK_MAX: number of real states.</summary>
    TCP_CONNTRACK_MAX = 10,

    /// <summary>TCP_CONNTRACK_IGNORE: internal.</summary>
    TCP_CONNTRACK_IGNORE = 11,

    /// <summary>TCP_CONNTRACK_RETRANS: internal (timeout class).</summary>
    TCP_CONNTRACK_RETRANS = 12,

    /// <summary>TCP_CONNTRACK_UNACK: internal (timeout class).</summary>
    TCP_CONNTRACK_UNACK = 13,

    /// <summary>TCP_CONNTRACK_TIMEOUT_MAX: number of timeout classes.</summary>
    TCP_CONNTRACK_TIMEOUT_MAX = 14,
}
