using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// What a NAT filter asks of an entry: that it is NATed in one direction and, optionally, to a
/// given address and/or port (judged from the reply tuple, as conntrack does).
/// </summary>
public sealed class NatFilter
{
    /// <summary>The translated address the entry must use, or null for any.</summary>
    public IPAddress? Address { get; set; }

    /// <summary>The translated port the entry must use, or null for any.</summary>
    public ushort? Port { get; set; }
}
