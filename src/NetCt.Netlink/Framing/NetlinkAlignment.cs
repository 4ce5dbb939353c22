using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>NLMSG_ALIGN / NLA_ALIGN: messages and attributes both start on 4-byte boundaries.</summary>
internal static class NetlinkAlignment
{
    public static int Align(int length) => (length + NetlinkLayout.NLMSG_ALIGNTO - 1) & ~(NetlinkLayout.NLMSG_ALIGNTO - 1);

    public static long Align(long length) => (length + NetlinkLayout.NLMSG_ALIGNTO - 1) & ~(long)(NetlinkLayout.NLMSG_ALIGNTO - 1);
}
