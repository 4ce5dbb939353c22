using System.Runtime.InteropServices;

namespace NetCt.Interop;

/// <summary>
/// <c>struct sockaddr_nl</c> from <c>linux/netlink.h</c>, which Tmds.LibC does not define.
/// 12 bytes: family, padding, port id, multicast group bitmap.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrNl
{
    /// <summary>nl_family: AF_NETLINK.</summary>
    public ushort Family;

    /// <summary>nl_pad: zero.</summary>
    public ushort Pad;

    /// <summary>nl_pid: port id; 0 is the kernel.</summary>
    public uint PortId;

    /// <summary>nl_groups: legacy bitmap of the first 32 multicast groups.</summary>
    public uint Groups;
}
