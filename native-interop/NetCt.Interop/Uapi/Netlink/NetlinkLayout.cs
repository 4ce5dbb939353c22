namespace NetCt.Interop;

/// <summary>Alignment and header sizes of netlink messages and attributes (<c>linux/netlink.h</c>).</summary>
public static class NetlinkLayout
{
    /// <summary>NLMSG_ALIGNTO: messages start on this boundary.</summary>
    public const int NLMSG_ALIGNTO = 4;

    /// <summary>NLMSG_HDRLEN: size of the aligned <c>struct nlmsghdr</c>.</summary>
    public const int NLMSG_HDRLEN = 16;

    /// <summary>NLA_ALIGNTO: attributes start on this boundary.</summary>
    public const int NLA_ALIGNTO = 4;

    /// <summary>NLA_HDRLEN: size of the aligned <c>struct nlattr</c>.</summary>
    public const int NLA_HDRLEN = 4;
}
