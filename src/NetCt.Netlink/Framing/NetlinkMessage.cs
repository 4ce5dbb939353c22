using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// A view of one received netlink message. It points into a receive buffer, so it is only valid
/// until the exchange that produced it reads again (the next <c>MoveNext</c>, or the end of a callback).
/// </summary>
public readonly ref struct NetlinkMessage
{
    /// <summary>Wraps one message; <paramref name="message"/> may extend past nlmsg_len (padding, or further messages).</summary>
    /// <param name="message">The message bytes, starting with its nlmsghdr.</param>
    /// <param name="senderPortId">The port id of the socket address it came from; 0 for the kernel.</param>
    /// <exception cref="NetlinkDecodeException">The header is truncated or its length does not fit.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NetlinkMessage(ReadOnlySpan<byte> message, uint senderPortId = 0)
    {
        Header = NetlinkMessageHeader.Read(message);
        if (Header.Length < NetlinkMessageHeader.Size || Header.Length > (uint)message.Length)
        {
            ThrowLengthDoesNotFit(Header.Length, message.Length);
        }

        Bytes = message[..(int)Header.Length];
        SenderPortId = senderPortId;
    }

    // Out of line, so that the constructor (once per entry of a dump) is small enough to inline.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthDoesNotFit(uint length, int available) =>
        throw new NetlinkDecodeException($"netlink message: nlmsg_len {length} does not fit the {available} bytes given");

    /// <summary>The header.</summary>
    public NetlinkMessageHeader Header { get; }

    /// <summary>nlmsg_type.</summary>
    public ushort Type => Header.Type;

    /// <summary>nlmsg_flags.</summary>
    public NetlinkMessageFlags Flags => Header.Flags;

    /// <summary>nlmsg_seq.</summary>
    public uint Sequence => Header.Sequence;

    /// <summary>
    /// Port id of the socket the datagram came from (the recvfrom address, not nlmsg_pid): 0 for the kernel.
    /// </summary>
    public uint SenderPortId { get; }

    /// <summary>The whole message, header included, nlmsg_len bytes.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Everything after the nlmsghdr.</summary>
    public ReadOnlySpan<byte> Payload => Bytes[NetlinkMessageHeader.Size..];

    /// <summary>Reads the nfgenmsg at the start of the payload.</summary>
    /// <returns>The nfgenmsg.</returns>
    /// <exception cref="NetlinkDecodeException">The payload is shorter than 4 bytes.</exception>
    public NfGenMessage ReadNfGenMessage() => NfGenMessage.Read(Payload);

    /// <summary>Attributes of an nfnetlink message: the payload after its nfgenmsg.</summary>
    /// <returns>A reader positioned before the first attribute.</returns>
    /// <exception cref="NetlinkDecodeException">The payload is shorter than an nfgenmsg.</exception>
    public AttributeReader GetNfAttributes() => GetAttributes(NfGenMessage.Size);

    /// <summary>Attributes that follow a family header of <paramref name="familyHeaderLength"/> bytes.</summary>
    /// <param name="familyHeaderLength">Bytes of fixed family header before the attributes (4 for nfgenmsg).</param>
    /// <returns>A reader positioned before the first attribute.</returns>
    /// <exception cref="NetlinkDecodeException">The payload is shorter than the family header.</exception>
    public AttributeReader GetAttributes(int familyHeaderLength)
    {
        ReadOnlySpan<byte> payload = Payload;
        if (familyHeaderLength < 0 || payload.Length < familyHeaderLength)
        {
            throw new NetlinkDecodeException(
                $"netlink message type 0x{Type:x4}: payload is {payload.Length} bytes, its family header needs {familyHeaderLength}");
        }

        int aligned = Math.Min(NetlinkAlignment.Align(familyHeaderLength), payload.Length);
        return new AttributeReader(payload[aligned..], NetlinkMessageHeader.Size + aligned);
    }
}
