using System.Runtime.InteropServices;

namespace NetCt.Netlink;

/// <summary>
/// Splits a datagram into messages (NLMSG_OK / NLMSG_NEXT), shared by <see cref="NetlinkMessageReader"/>
/// and the connection. A datagram that does not frame cleanly throws instead of being half-read.
/// </summary>
internal static class MessageFraming
{
    /// <summary>Finds the message at <paramref name="offset"/>.</summary>
    /// <returns>False at the end of the datagram.</returns>
    public static bool TryFrame(ReadOnlySpan<byte> datagram, int offset, out int length, out int next)
    {
        int remaining = datagram.Length - offset;
        if (remaining <= 0)
        {
            length = 0;
            next = datagram.Length;
            return false;
        }

        if (remaining < NetlinkMessageHeader.Size)
        {
            throw new NetlinkDecodeException(
                $"netlink message at offset {offset}: {remaining} bytes left, a header needs {NetlinkMessageHeader.Size}");
        }

        uint declared = MemoryMarshal.Read<uint>(datagram[offset..]);
        if (declared < NetlinkMessageHeader.Size || declared > (uint)remaining)
        {
            throw new NetlinkDecodeException(
                $"netlink message at offset {offset}: nlmsg_len {declared} does not fit the {remaining} bytes left");
        }

        length = (int)declared;
        next = (int)Math.Min(offset + NetlinkAlignment.Align((long)declared), datagram.Length);
        return true;
    }
}
