namespace NetCt.Interop;

/// <summary>
/// <c>setsockopt</c> level and options for netlink sockets (<c>linux/netlink.h</c>; SOL_NETLINK from
/// <c>sys/socket.h</c>), in header order.
/// </summary>
public static class NetlinkSocketOptions
{
    /// <summary>SOL_NETLINK: the socket-option level of the options below.</summary>
    public const int SOL_NETLINK = 270;

    /// <summary>NETLINK_ADD_MEMBERSHIP: join a multicast group (int group number).</summary>
    public const int NETLINK_ADD_MEMBERSHIP = 1;

    /// <summary>NETLINK_DROP_MEMBERSHIP: leave a multicast group.</summary>
    public const int NETLINK_DROP_MEMBERSHIP = 2;

    /// <summary>NETLINK_PKTINFO: deliver the destination group as ancillary data.</summary>
    public const int NETLINK_PKTINFO = 3;

    /// <summary>NETLINK_BROADCAST_ERROR: report delivery failures of broadcasts to the sender.</summary>
    public const int NETLINK_BROADCAST_ERROR = 4;

    /// <summary>NETLINK_NO_ENOBUFS: do not report receive-queue overruns as ENOBUFS.</summary>
    public const int NETLINK_NO_ENOBUFS = 5;

    /// <summary>NETLINK_RX_RING: removed mmap receive ring.</summary>
    public const int NETLINK_RX_RING = 6;

    /// <summary>NETLINK_TX_RING: removed mmap transmit ring.</summary>
    public const int NETLINK_TX_RING = 7;

    /// <summary>NETLINK_LISTEN_ALL_NSID: receive notifications from all peer network namespaces.</summary>
    public const int NETLINK_LISTEN_ALL_NSID = 8;

    /// <summary>NETLINK_LIST_MEMBERSHIPS: read back the joined groups.</summary>
    public const int NETLINK_LIST_MEMBERSHIPS = 9;

    /// <summary>NETLINK_CAP_ACK: do not echo the request payload in error acknowledgements (4.3+).</summary>
    public const int NETLINK_CAP_ACK = 10;

    /// <summary>NETLINK_EXT_ACK: append extended-ack attributes (error text, offset) to acknowledgements (4.12+).</summary>
    public const int NETLINK_EXT_ACK = 11;

    /// <summary>NETLINK_GET_STRICT_CHK: strict validation of dump request headers (4.20+).</summary>
    public const int NETLINK_GET_STRICT_CHK = 12;
}
