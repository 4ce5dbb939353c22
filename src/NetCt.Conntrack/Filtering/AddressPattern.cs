using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// An address a filter wants, with its netmask, as the bytes an entry's address is compared with.
/// A dump or an event stream judges every entry against the same few addresses: each
/// <see cref="FlowFilter"/> keeps the patterns of its addresses (<see cref="Of"/>), so an
/// address is turned into bytes once, not once per entry.
/// </summary>
internal sealed class AddressPattern
{
    private readonly IPAddress _address;
    private readonly IPAddress? _mask;
    // The wanted bytes with the mask already applied; null when the mask's family is not the
    // address's, which no entry can match.
    private readonly byte[]? _wanted;
    private readonly byte[]? _maskBytes;

    private AddressPattern(IPAddress address, IPAddress? mask)
    {
        _address = address;
        _mask = mask;
        byte[] wanted = address.GetAddressBytes();
        if (mask is null)
        {
            _wanted = wanted;
            return;
        }
        byte[] maskBytes = mask.GetAddressBytes();
        if (maskBytes.Length != wanted.Length)
            return;
        for (int i = 0; i < wanted.Length; i++)
            wanted[i] &= maskBytes[i];
        _wanted = wanted;
        _maskBytes = maskBytes;
    }

    /// <summary>
    /// The pattern of <paramref name="address"/> under <paramref name="mask"/>, from
    /// <paramref name="cache"/> when it was made from these very objects, else made and cached.
    /// </summary>
    /// <remarks>
    /// Keyed by reference, so a filter property set to another address between two entries is
    /// honoured. Threads that judge with one filter at once may each make a pattern: the cache
    /// holds a whole immutable object, so whichever is stored last is still right.
    /// </remarks>
    public static AddressPattern Of(ref AddressPattern? cache, IPAddress address, IPAddress? mask)
    {
        AddressPattern? pattern = cache;
        if (pattern is null || !ReferenceEquals(pattern._address, address) || !ReferenceEquals(pattern._mask, mask))
            cache = pattern = new AddressPattern(address, mask);
        return pattern;
    }

    /// <summary>
    /// Whether <paramref name="actual"/> (an entry's address: 4 or 16 bytes) is the wanted address
    /// under the mask. Addresses of different families never match; a wanted IPv6 address's scope
    /// is not compared (an entry's addresses have none).
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> actual)
    {
        if (_wanted is null || actual.Length != _wanted.Length)
            return false;
        if (_maskBytes is null)
            return actual.SequenceEqual(_wanted);
        for (int i = 0; i < actual.Length; i++)
        {
            if ((actual[i] & _maskBytes[i]) != _wanted[i])
                return false;
        }
        return true;
    }
}
