namespace NetCt.Interop;

/// <summary>Flag bits carried in the top of <c>nla_type</c> (<c>linux/netlink.h</c>).</summary>
public static class NetlinkAttributeFlags
{
    /// <summary>NLA_F_NESTED: the payload is a sequence of attributes.</summary>
    public const ushort NLA_F_NESTED = 1 << 15;

    /// <summary>NLA_F_NET_BYTEORDER: the payload is in network byte order.</summary>
    public const ushort NLA_F_NET_BYTEORDER = 1 << 14;

    /// <summary>NLA_TYPE_MASK: <c>~(NLA_F_NESTED | NLA_F_NET_BYTEORDER)</c> truncated to the 16-bit <c>nla_type</c>.</summary>
    public const ushort NLA_TYPE_MASK = 0x3FFF;
}
