namespace NetCt.Conntrack;

/// <summary>TCP conntrack states (enum tcp_conntrack, in header order).</summary>
public enum TcpState : byte
{
    /// <summary>TCP_CONNTRACK_NONE.</summary>
    None = 0,
    /// <summary>TCP_CONNTRACK_SYN_SENT.</summary>
    SynSent = 1,
    /// <summary>TCP_CONNTRACK_SYN_RECV.</summary>
    SynRecv = 2,
    /// <summary>TCP_CONNTRACK_ESTABLISHED.</summary>
    Established = 3,
    /// <summary>TCP_CONNTRACK_FIN_WAIT.</summary>
    FinWait = 4,
    /// <summary>TCP_CONNTRACK_CLOSE_WAIT.</summary>
    CloseWait = 5,
    /// <summary>TCP_CONNTRACK_LAST_ACK.</summary>
    LastAck = 6,
    /// <summary>TCP_CONNTRACK_TIME_WAIT.</summary>
    TimeWait = 7,
    /// <summary>TCP_CONNTRACK_CLOSE.</summary>
    Close = 8,
    /// <summary>TCP_CONNTRACK_SYN_SENT2 (conntrack also calls it LISTEN).</summary>
    SynSent2 = 9,
    /// <summary>TCP_CONNTRACK_MAX.</summary>
    Max = 10,
    /// <summary>TCP_CONNTRACK_IGNORE.</summary>
    Ignore = 11,
}
