using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// Reads a view's values at offsets that <see cref="FlowViewReader"/> recorded, without a bounds
/// check: the walk only records an offset after checking that the whole value lies inside the
/// message, and a listing reads several values of every entry (checked, each read cost a compare
/// and a branch more per value on the captured dump).
/// </summary>
internal static class ViewBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Byte(ReadOnlySpan<byte> message, int at)
    {
        Debug.Assert(at + sizeof(byte) <= message.Length);
        return Unsafe.Add(ref MemoryMarshal.GetReference(message), at);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UInt16(ReadOnlySpan<byte> message, int at)
    {
        Debug.Assert(at + sizeof(ushort) <= message.Length);
        ushort value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), at));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32(ReadOnlySpan<byte> message, int at)
    {
        Debug.Assert(at + sizeof(uint) <= message.Length);
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), at));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64(ReadOnlySpan<byte> message, int at)
    {
        Debug.Assert(at + sizeof(ulong) <= message.Length);
        ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(message), at));
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
    }
}
