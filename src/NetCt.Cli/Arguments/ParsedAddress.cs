using System.Net;
using NetCt.Cli.Libc;
using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>An address option's value as conntrack's parse_addr() reads it: the address and its CIDR prefix.</summary>
/// <param name="Address">The address, or null when the text is neither IPv4 nor IPv6.</param>
/// <param name="PrefixLength">The prefix after '/', <see cref="NoPrefix"/> when there was no '/', <see cref="InvalidPrefix"/> when it was malformed or too long.</param>
internal readonly record struct ParsedAddress(IPAddress? Address, int PrefixLength)
{
    public const int NoPrefix = -1;
    public const int InvalidPrefix = -2;

    // conntrack copies the text into a buffer of INET6_ADDRSTRLEN (46) bytes before parsing, so
    // only the first 45 characters count.
    private const int BufferLength = 45;

    public IpFamily Family => Address?.AddressFamily switch
    {
        System.Net.Sockets.AddressFamily.InterNetwork => IpFamily.IPv4,
        System.Net.Sockets.AddressFamily.InterNetworkV6 => IpFamily.IPv6,
        _ => IpFamily.Unspecified,
    };

    public static ParsedAddress Parse(string text)
    {
        ReadOnlySpan<char> buffer = text.AsSpan(0, Math.Min(text.Length, BufferLength));
        int prefix = NoPrefix;
        int slash = buffer.IndexOf('/');
        if (slash >= 0)
        {
            var digits = buffer[(slash + 1)..];
            // strtol's long result is stored in an int, so 4294967320 wraps to 24.
            prefix = unchecked((int)CNumber.StrToL(digits, 10, out int end));
            if (prefix < 0 || end != digits.Length)
                prefix = InvalidPrefix;
            buffer = buffer[..slash];
        }

        if (InetAton.TryParse(buffer, out uint v4))
        {
            var address = new IPAddress(new[] { (byte)(v4 >> 24), (byte)(v4 >> 16), (byte)(v4 >> 8), (byte)v4 });
            return new ParsedAddress(address, prefix > 32 ? InvalidPrefix : prefix);
        }
        Span<byte> v6 = stackalloc byte[16];
        if (InetPton6.TryParse(buffer, v6))
            return new ParsedAddress(new IPAddress(v6), prefix > 128 ? InvalidPrefix : prefix);
        return new ParsedAddress(null, prefix);
    }

    /// <summary>The netmask of <see cref="PrefixLength"/> bits for this address's family (nfct_build_netmask).</summary>
    public IPAddress Netmask()
    {
        var bytes = new byte[Family == IpFamily.IPv6 ? 16 : 4];
        for (int bit = 0; bit < PrefixLength; bit++)
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }
}
