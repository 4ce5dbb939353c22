using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// <c>struct nlmsghdr</c>: the 16-byte header of every netlink message, in host byte order
/// (netlink never crosses machines, so the kernel uses native endianness here).
/// </summary>
public readonly struct NetlinkMessageHeader
{
    /// <summary>Size of the header on the wire (NLMSG_HDRLEN).</summary>
    public const int Size = NetlinkLayout.NLMSG_HDRLEN;

    /// <summary>Creates a header.</summary>
    /// <param name="length">nlmsg_len: length of the message including this header.</param>
    /// <param name="type">nlmsg_type: a control type (NLMSG_*) or a family-specific type.</param>
    /// <param name="flags">nlmsg_flags.</param>
    /// <param name="sequence">nlmsg_seq.</param>
    /// <param name="portId">nlmsg_pid: 0 in requests; in kernel replies, the requester's port id.</param>
    public NetlinkMessageHeader(uint length, ushort type, NetlinkMessageFlags flags, uint sequence, uint portId)
    {
        Length = length;
        Type = type;
        Flags = flags;
        Sequence = sequence;
        PortId = portId;
    }

    /// <summary>nlmsg_len: length of the message including the header, excluding trailing alignment padding.</summary>
    public uint Length { get; }

    /// <summary>nlmsg_type.</summary>
    public ushort Type { get; }

    /// <summary>nlmsg_flags.</summary>
    public NetlinkMessageFlags Flags { get; }

    /// <summary>nlmsg_seq.</summary>
    public uint Sequence { get; }

    /// <summary>
    /// nlmsg_pid. Not the sender: in unicast replies it is the requester's port id, in events the
    /// port id of the process whose request caused the event (0 when the kernel caused it).
    /// </summary>
    public uint PortId { get; }

    /// <summary>Reads a header from the first 16 bytes of <paramref name="source"/>.</summary>
    /// <param name="source">At least <see cref="Size"/> bytes.</param>
    /// <returns>The header.</returns>
    /// <exception cref="NetlinkDecodeException"><paramref name="source"/> is shorter than a header.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NetlinkMessageHeader Read(ReadOnlySpan<byte> source)
    {
        if (!TryRead(source, out NetlinkMessageHeader header))
        {
            ThrowTruncated(source.Length);
        }

        return header;
    }

    /// <summary>Reads a header if <paramref name="source"/> holds at least 16 bytes.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="header">The header read, or default.</param>
    /// <returns>False when <paramref name="source"/> is too short.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> source, out NetlinkMessageHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }

        // The length was checked once above: the five fields are read without a check each.
        ref byte start = ref MemoryMarshal.GetReference(source);
        header = new NetlinkMessageHeader(
            Unsafe.ReadUnaligned<uint>(ref start),
            Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, 4)),
            (NetlinkMessageFlags)Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, 6)),
            Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, 8)),
            Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, 12)));
        return true;
    }

    // Out of line, so that Read (once per received message) is small enough to inline.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTruncated(int length) =>
        throw new NetlinkDecodeException($"netlink message header: {length} bytes, a header needs {Size}");

    /// <summary>Writes the header into the first 16 bytes of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="Size"/> bytes.</param>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"a netlink message header needs {Size} bytes", nameof(destination));
        }

        uint length = Length;
        ushort type = Type;
        ushort flags = (ushort)Flags;
        uint sequence = Sequence;
        uint portId = PortId;
        MemoryMarshal.Write(destination, in length);
        MemoryMarshal.Write(destination[4..], in type);
        MemoryMarshal.Write(destination[6..], in flags);
        MemoryMarshal.Write(destination[8..], in sequence);
        MemoryMarshal.Write(destination[12..], in portId);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"nlmsghdr(len={Length}, type=0x{Type:x4}, flags=0x{(ushort)Flags:x4}, seq={Sequence}, pid={PortId})";
}
