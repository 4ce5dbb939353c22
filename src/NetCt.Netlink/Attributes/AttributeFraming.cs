using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// The framing rule of back-to-back netlink attributes, in one place: <see cref="AttributeReader"/>
/// iterates with it, and a walk that keeps its position in plain integers (the conntrack library's
/// in-place entry view, which reads every entry of a dump) steps with it directly.
/// </summary>
internal static class AttributeFraming
{
    /// <summary>
    /// Steps to the attribute at <paramref name="next"/> when it is whole: its header lies before
    /// <paramref name="end"/>, and its nla_len is at least the header's and reaches no further
    /// than <paramref name="end"/>. Then <paramref name="next"/> moves past it (aligned, so it may
    /// pass <paramref name="end"/> by up to 3 bytes); otherwise it stays where it was.
    /// </summary>
    /// <param name="data">The first byte of the span that offsets count from; every offset below is inside it up to <paramref name="end"/>.</param>
    /// <param name="next">Offset of the attribute's header.</param>
    /// <param name="end">Offset of the end of the attributes.</param>
    /// <param name="type">nla_type without NLA_F_NESTED and NLA_F_NET_BYTEORDER.</param>
    /// <param name="value">Offset of the value.</param>
    /// <param name="length">Length of the value, padding excluded.</param>
    /// <returns>False at the end of the attributes or at a malformed one (see <see cref="IsEnd"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryStep(ref byte data, ref int next, int end, out int type, out int value, out int length)
    {
        int at = next;
        int remaining = end - at;
        if (remaining >= NetlinkLayout.NLA_HDRLEN)
        {
            uint header = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, at));
            if (!BitConverter.IsLittleEndian)
                header = BitOperations.RotateRight(header, 16);
            int attributeLength = (ushort)header;
            if (attributeLength >= NetlinkLayout.NLA_HDRLEN && attributeLength <= remaining)
            {
                type = (int)(header >> 16) & NetlinkAttributeFlags.NLA_TYPE_MASK;
                value = at + NetlinkLayout.NLA_HDRLEN;
                length = attributeLength - NetlinkLayout.NLA_HDRLEN;
                next = at + NetlinkAlignment.Align(attributeLength);
                return true;
            }
        }

        type = 0;
        value = 0;
        length = 0;
        return false;
    }

    /// <summary>
    /// Whether <see cref="TryStep"/> stopped at the end of the attributes rather than at a
    /// malformed one: nothing but the last attribute's omitted padding is left.
    /// </summary>
    /// <param name="next">Where TryStep stopped.</param>
    /// <param name="end">Offset of the end of the attributes.</param>
    /// <returns>True at the end.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEnd(int next, int end) => end - next <= 0;
}
