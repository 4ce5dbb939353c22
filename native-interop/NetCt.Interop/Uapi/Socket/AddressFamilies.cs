namespace NetCt.Interop;

/// <summary>Address families (<c>sys/socket.h</c>). The low byte is what <c>nfgenmsg.nfgen_family</c> carries.</summary>
public static class AddressFamilies
{
    /// <summary>AF_UNSPEC: any family (dumps and flushes of both IPv4 and IPv6).</summary>
    public const byte AF_UNSPEC = 0;

    /// <summary>AF_INET: IPv4.</summary>
    public const byte AF_INET = 2;

    /// <summary>AF_INET6: IPv6.</summary>
    public const byte AF_INET6 = 10;

    /// <summary>AF_NETLINK: netlink sockets.</summary>
    public const byte AF_NETLINK = 16;
}
