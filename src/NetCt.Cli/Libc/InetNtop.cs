using System.Buffers.Binary;
using System.Numerics;
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
        _ => throw NotAnAddress(),
    };

    private static ArgumentException NotAnAddress() =>
        new("An address has 4 or 16 bytes.", "address");

    /// <summary>
    /// Formats a 4- or 16-byte address (network order) at <paramref name="destination"/>, which
    /// must have <see cref="MaxLength"/> bytes of room; returns the length. For the print path,
    /// four addresses a line: IPv4 is written in place, where <see cref="Format"/>'s dispatch and
    /// copy made the benchmark's lines 35 to 75 ns slower each, and a span checked again here
    /// 12 to 15 ns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FormatInPlace(ReadOnlySpan<byte> address, ref byte destination) => address.Length switch
    {
        4 => FormatIPv4(MemoryMarshal.Read<uint>(address), ref destination),
        16 => FormatIPv6(address, MemoryMarshal.CreateSpan(ref destination, MaxLength)),
        _ => throw NotAnAddress(),
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

    /// <summary>
    /// Formats a 16-byte address (network order) into <paramref name="destination"/>, which must
    /// have <see cref="MaxLength"/> bytes of room; returns the length.
    /// </summary>
    public static int FormatIPv6(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(address.Length, 16, nameof(address));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, MaxLength, nameof(destination));

        // The eight words as two big-endian halves: read without a per-word loop or array.
        ulong high = BinaryPrimitives.ReadUInt64BigEndian(address);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(address[8..]);
        (int zeroStart, int zeroEnd) = LongestZeroRun(ZeroWords(high) | ZeroWords(low) << 4);

        ref byte text = ref MemoryMarshal.GetReference(destination);
        int length = 0;
        for (int i = 0; i < 8; i++)
        {
            if (i >= zeroStart && i < zeroEnd)
            {
                if (i == zeroStart)
                    Unsafe.Add(ref text, length++) = (byte)':';
                continue;
            }
            if (i != 0)
                Unsafe.Add(ref text, length++) = (byte)':';
            if (i == 6 && zeroStart == 0 && (zeroEnd == 6 || (zeroEnd == 5 && Word(high, low, 5) == 0xffff)))
                return length + FormatIPv4(address[12..], destination[length..]);
            length += WriteHexWord(Word(high, low, i), ref Unsafe.Add(ref text, length));
        }
        if (zeroEnd == 8)
            Unsafe.Add(ref text, length++) = (byte)':';
        return length;
    }

    private static uint Word(ulong high, ulong low, int index) =>
        (uint)((index < 4 ? high : low) >> (48 - 16 * (index & 3))) & 0xffff;

    // Bit i set when word i of the half (0: its most significant) is zero. Each word's bits are
    // ORed down into its lowest bit (shifts of 8, 4, 2 and 1 stay inside a 16-bit word).
    private static int ZeroWords(ulong half)
    {
        ulong any = half | half >> 8;
        any |= any >> 4;
        any |= any >> 2;
        any |= any >> 1;
        int nonzero = (int)(any >> 48 & 1) | (int)(any >> 31 & 2) | (int)(any >> 14 & 4) | (int)(any << 3 & 8);
        return ~nonzero & 0xf;
    }

    // The first longest run of two or more zero words as [start, end), or (-1, -1): a single zero
    // word is written as "0", not "::". One step per run of zero words, not per word.
    private static (int Start, int End) LongestZeroRun(int zeroWords)
    {
        int bestStart = -1, bestLength = 1;
        while (zeroWords != 0)
        {
            int start = BitOperations.TrailingZeroCount(zeroWords);
            int length = BitOperations.TrailingZeroCount(~(zeroWords >> start));
            if (length > bestLength)
                (bestStart, bestLength) = (start, length);
            zeroWords &= ~(((1 << length) - 1) << start);
        }
        return bestStart < 0 ? (-1, -1) : (bestStart, bestStart + bestLength);
    }

    // Lower-case hex without leading zeros, as "%x": the four digits as one 4-byte store (the first
    // digit lowest), shifted so that the leading zeros fall off; the bytes past the text are scratch
    // (the destination has MaxLength bytes, the longest text 39).
    private static int WriteHexWord(uint value, ref byte destination)
    {
        ref byte hex = ref MemoryMarshal.GetReference("0123456789abcdef"u8);
        uint text = Unsafe.Add(ref hex, (int)(value >> 12))
            | (uint)Unsafe.Add(ref hex, (int)(value >> 8 & 0xf)) << 8
            | (uint)Unsafe.Add(ref hex, (int)(value >> 4 & 0xf)) << 16
            | (uint)Unsafe.Add(ref hex, (int)(value & 0xf)) << 24;
        int digits = Math.Max(1, (35 - BitOperations.LeadingZeroCount(value)) / 4);
        text >>= 8 * (4 - digits);
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? text : BinaryPrimitives.ReverseEndianness(text));
        return digits;
    }
}
