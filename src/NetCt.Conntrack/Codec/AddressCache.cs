using System.Buffers.Binary;
using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// The addresses a <see cref="ReusableFlowDecoder"/> decoded recently, so that an address seen
/// again (the reply tuple repeats the original's two; a table holds the same hosts over and over)
/// is not allocated again. Direct-mapped: one slot per hash, the newest address wins a collision,
/// so a table of many distinct addresses costs an allocation per miss and nothing more.
/// <see cref="IPAddress"/> is immutable, so sharing an instance between entries is safe.
/// </summary>
internal sealed class AddressCache
{
    private const int IPv4SlotBits = 10;
    private const int IPv6SlotBits = 8;

    private readonly uint[] _ipv4Keys = new uint[1 << IPv4SlotBits];
    private readonly IPAddress?[] _ipv4 = new IPAddress?[1 << IPv4SlotBits];
    private readonly UInt128[] _ipv6Keys = new UInt128[1 << IPv6SlotBits];
    private readonly IPAddress?[] _ipv6 = new IPAddress?[1 << IPv6SlotBits];

    /// <summary>The address of <paramref name="bytes"/> (4 or 16 bytes, network order).</summary>
    public IPAddress Get(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 4 ? GetIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes) : GetIPv6(bytes);

    private IPAddress GetIPv4(uint key, ReadOnlySpan<byte> bytes)
    {
        // Fibonacci hashing spreads addresses that differ only in their low octets.
        int slot = (int)((key * 2654435769u) >> (32 - IPv4SlotBits));
        IPAddress? cached = _ipv4[slot];
        if (cached is not null && _ipv4Keys[slot] == key)
            return cached;
        _ipv4Keys[slot] = key;
        return _ipv4[slot] = new IPAddress(bytes);
    }

    private IPAddress GetIPv6(ReadOnlySpan<byte> bytes)
    {
        UInt128 key = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        ulong folded = (ulong)key ^ (ulong)(key >> 64);
        int slot = (int)((folded * 11400714819323198485ul) >> (64 - IPv6SlotBits));
        IPAddress? cached = _ipv6[slot];
        if (cached is not null && _ipv6Keys[slot] == key)
            return cached;
        _ipv6Keys[slot] = key;
        return _ipv6[slot] = new IPAddress(bytes);
    }
}
