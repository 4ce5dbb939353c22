using NetCt.Cli.Libc;

namespace NetCt.Cli.Arguments;

/// <summary>conntrack's findproto(): what <c>-p</c> names.</summary>
internal static class ProtocolCatalog
{
    /// <summary>The extensions conntrack 1.4.8 registers.</summary>
    public static IReadOnlyList<ProtocolExtension> Extensions { get; } =
    [
        new TcpExtension(), UdpExtension.Udp, UdpExtension.UdpLite, new SctpExtension(), new DccpExtension(),
        IcmpExtension.Icmp, IcmpExtension.IcmpV6, new GreExtension(),
    ];

    /// <summary>
    /// An extension's name (any case), else a name from /etc/protocols (which gets no extension,
    /// even when one exists for its number: <c>-p ipv6-icmp</c> has no <c>--icmpv6-type</c>), else a
    /// number 0..255 in C notation (decimal, 0x hex, 0 octal). The database is read only for a name
    /// that is no extension's: <c>-p tcp</c> costs no file read at start-up.
    /// </summary>
    public static ProtocolExtension? Find(string name, Func<ProtocolDatabase> database)
    {
        foreach (var extension in Extensions)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(extension.Name, name))
                return extension;
        }
        if (database().TryGetNumber(name, out int named))
            return new UnknownProtocolExtension(unchecked((byte)named));

        ulong number = CNumber.StrToUL(name, 0, out int end);
        if (number > 255 || end == 0 || end != name.Length)
            return null;
        foreach (var extension in Extensions)
        {
            if (extension.Number == number)
                return extension;
        }
        return new UnknownProtocolExtension((byte)number);
    }
}
