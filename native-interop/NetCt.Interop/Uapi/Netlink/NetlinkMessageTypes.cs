namespace NetCt.Interop;

/// <summary>Reserved control message types (<c>nlmsg_type</c>) from <c>linux/netlink.h</c>.</summary>
public static class NetlinkMessageTypes
{
    /// <summary>NLMSG_NOOP: nothing; to be ignored.</summary>
    public const ushort NLMSG_NOOP = 0x1;

    /// <summary>NLMSG_ERROR: an acknowledgement (<c>struct nlmsgerr</c>); errno 0 means success.</summary>
    public const ushort NLMSG_ERROR = 0x2;

    /// <summary>NLMSG_DONE: end of a multipart dump; its payload is an int (0 or a negative errno).</summary>
    public const ushort NLMSG_DONE = 0x3;

    /// <summary>NLMSG_OVERRUN: data lost.</summary>
    public const ushort NLMSG_OVERRUN = 0x4;

    /// <summary>NLMSG_MIN_TYPE: types below this value are reserved control messages.</summary>
    public const ushort NLMSG_MIN_TYPE = 0x10;
}
