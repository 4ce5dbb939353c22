using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetCt.Cli.Libc;

/// <summary>
/// The text of every octet with a dot after it ("0." … "255."), for <see cref="InetNtop"/>'s IPv4
/// path: an address is four of these, so one table load and one 4-byte store per octet replace the
/// three divisions that writing its digits takes (four addresses on every line of a table listing).
/// </summary>
internal static class DottedOctets
{
    // The text little-endian in the low four bytes (first character lowest), its length above them.
    private static readonly ulong[] Texts = Build();

    /// <summary>
    /// Writes <paramref name="octet"/> (0–255) and a dot at <paramref name="destination"/>, which
    /// must have 4 bytes of room (the bytes past the dot are scratch); returns the text's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(byte octet, ref byte destination)
    {
        ulong entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Texts), octet);
        uint text = (uint)entry;
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? text : BinaryPrimitives.ReverseEndianness(text));
        return (int)(entry >> 32);
    }

    private static ulong[] Build()
    {
        var texts = new ulong[256];
        for (uint value = 0; value < 256; value++)
        {
            int digits = value >= 100 ? 3 : value >= 10 ? 2 : 1;
            uint text = '0' + value % 10;
            if (digits >= 2)
                text = text << 8 | ('0' + value / 10 % 10);
            if (digits == 3)
                text = text << 8 | ('0' + value / 100);
            texts[value] = text | (uint)'.' << (8 * digits) | (ulong)(digits + 1) << 32;
        }
        return texts;
    }
}
