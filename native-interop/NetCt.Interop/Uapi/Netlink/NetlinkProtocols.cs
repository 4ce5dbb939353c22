namespace NetCt.Interop;

/// <summary>Netlink protocol families from <c>linux/netlink.h</c>; the third argument of <c>socket(AF_NETLINK, …)</c>.</summary>
public static class NetlinkProtocols
{
    /// <summary>NETLINK_NETFILTER: the nfnetlink bus that ctnetlink (conntrack) lives on.</summary>
    public const int NETLINK_NETFILTER = 12;
}
