using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetCt.Cli.Libc;

/// <summary>
/// Addresses as glibc's inet_ntop (and inet_ntoa) write them, which is what conntrack prints.
/// .NET's IPAddress.ToString differs for IPv6: glibc writes an embedded IPv4 address only for
/// "::a.b.c.d" (the first six words zero, the seventh not) and "::ffff:a.b.c.d", so "::2" stays
/// "::2" and "::0:1:102:304" keeps its hex words; the longest run of two or more zero words (the
/// first of equal runs) becomes "::".
/// </summary>
internal static class InetNtop
{
    /// <summary>INET6_ADDRSTRLEN without the terminating NUL.</summary>
    public const int MaxLength = 45;

    /// <summary>Formats a 4- or 16-byte address (network order) into <paramref name="destination"/>; returns the length.</summary>
    public static int Format(ReadOnlySpan<byte> address, Span<byte> destination) => address.Length switch
    {
        4 => FormatIPv4(address, destination),
        16 => FormatIPv6(address, destination),
        _ => throw new ArgumentException("An address has 4 or 16 bytes.", nameof(address)),
    };

    public static int FormatIPv4(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[IPv4Room];
        int length = FormatIPv4(MemoryMarshal.Read<uint>(address), ref MemoryMarshal.GetReference(text));
        text[..length].CopyTo(destination);
        return length;
    }

    /// <summary>Bytes <see cref="FormatIPv4(uint, ref byte)"/> may write: "255.255.255.255" and the dot after it.</summary>
    public const int IPv4Room = 16;

    /// <summary>
    /// Formats an IPv4 address, its four bytes in network order as they lie in memory, at
    /// <paramref name="destination"/>, which must have <see cref="IPv4Room"/> bytes of room;
    /// returns the text's length. For the print path: no spans, one 4-byte store per octet.
    /// </summary>
    public static int FormatIPv4(uint address, ref byte destination)
    {
        if (!BitConverter.IsLittleEndian)
            address = BinaryPrimitives.ReverseEndianness(address);
        int length = DottedOctets.Write((byte)address, ref destination);
        length += DottedOctets.Write((byte)(address >> 8), ref Unsafe.Add(ref destination, length));
        length += DottedOctets.Write((byte)(address >> 16), ref Unsafe.Add(ref destination, length));
        length += DottedOctets.Write((byte)(address >> 24), ref Unsafe.Add(ref destination, length));
        return length - 1;
    }

    public static int FormatIPv6(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        Span<ushort> words = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
            words[i] = (ushort)(address[2 * i] << 8 | address[2 * i + 1]);

        (int zeroStart, int zeroLength) = LongestZeroRun(words);

        int length = 0;
        for (int i = 0; i < 8; i++)
        {
            if (zeroStart >= 0 && i >= zeroStart && i < zeroStart + zeroLength)
            {
                if (i == zeroStart)
                    destination[length++] = (byte)':';
                continue;
            }
            if (i != 0)
                destination[length++] = (byte)':';
            if (i == 6 && zeroStart == 0 && (zeroLength == 6 || (zeroLength == 5 && words[5] == 0xffff)))
            {
                length += FormatIPv4(address[12..], destination[length..]);
                return length;
            }
            length += WriteHexWord(words[i], destination[length..]);
        }
        if (zeroStart >= 0 && zeroStart + zeroLength == 8)
            destination[length++] = (byte)':';
        return length;
    }

    private static (int Start, int Length) LongestZeroRun(ReadOnlySpan<ushort> words)
    {
        int bestStart = -1, bestLength = 0, start = -1;
        for (int i = 0; i <= words.Length; i++)
        {
            if (i < words.Length && words[i] == 0)
            {
                if (start < 0)
                    start = i;
                continue;
            }
            if (start >= 0 && i - start > bestLength)
                (bestStart, bestLength) = (start, i - start);
            start = -1;
        }
        // A single zero word is written as "0", not "::".
        return bestLength < 2 ? (-1, 0) : (bestStart, bestLength);
    }

    private static int WriteHexWord(ushort value, Span<byte> destination)
    {
        int length = 0;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            int nibble = value >> shift & 0xf;
            if (nibble == 0 && length == 0 && shift != 0)
                continue;
            destination[length++] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        return length;
    }
}
