using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// The key of one group of a <see cref="LiveTable"/> aggregate: a value of the grouping's field, kept
/// as plain numbers so that grouping allocates nothing. Read it through the property that fits its
/// <see cref="Kind"/>.
/// </summary>
/// <param name="Kind">What the group is keyed by.</param>
/// <param name="High">For addresses: the high 64 bits of an IPv6 address (0 for IPv4).</param>
/// <param name="Low">For addresses: the low 64 bits of an IPv6 address, or the IPv4 address.</param>
/// <param name="Value">Protocol&lt;&lt;8|state, zone, mark, protocol&lt;&lt;16|port, family or <see cref="AssuranceClass"/>; the family for addresses.</param>
public readonly record struct GroupKey(GroupingKind Kind, ulong High, ulong Low, uint Value)
{
    /// <summary>The key of <paramref name="entry"/> in the <paramref name="kind"/> aggregate.</summary>
    /// <param name="kind">The grouping.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The key.</returns>
    public static GroupKey Of(GroupingKind kind, in LiveEntry entry) => kind switch
    {
        GroupingKind.ProtocolState => new(kind, 0, 0, (uint)entry.Protocol << 8 | entry.State),
        GroupingKind.Zone => new(kind, 0, 0, entry.Zone),
        GroupingKind.Mark => new(kind, 0, 0, entry.Mark),
        GroupingKind.Source => new(kind, entry.SourceKey.High, entry.SourceKey.Low, (uint)entry.Family),
        GroupingKind.Destination => new(kind, entry.DestinationKey.High, entry.DestinationKey.Low, (uint)entry.Family),
        GroupingKind.DestinationPort => new(kind, 0, 0, (uint)entry.Protocol << 16 | entry.DestinationPort),
        GroupingKind.Family => new(kind, 0, 0, (uint)entry.Family),
        GroupingKind.Assurance => new(kind, 0, 0, (uint)(entry.IsAssured ? AssuranceClass.Assured : entry.IsUnreplied ? AssuranceClass.Unreplied : AssuranceClass.Replied)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The address of a <see cref="GroupingKind.Source"/> or <see cref="GroupingKind.Destination"/> group.</summary>
    public IPAddress? Address => Kind is GroupingKind.Source or GroupingKind.Destination ? LiveEntry.ToAddress((IpFamily)Value, High, Low) : null;

    /// <summary>The protocol of a <see cref="GroupingKind.ProtocolState"/> or <see cref="GroupingKind.DestinationPort"/> group.</summary>
    public byte Protocol => Kind switch
    {
        GroupingKind.ProtocolState => (byte)(Value >> 8),
        GroupingKind.DestinationPort => (byte)(Value >> 16),
        _ => 0,
    };

    /// <summary>The raw tracker state of a <see cref="GroupingKind.ProtocolState"/> group.</summary>
    public byte State => Kind == GroupingKind.ProtocolState ? (byte)Value : (byte)0;

    /// <summary>The port of a <see cref="GroupingKind.DestinationPort"/> group.</summary>
    public ushort Port => Kind == GroupingKind.DestinationPort ? (ushort)Value : (ushort)0;

    /// <summary>The family of a <see cref="GroupingKind.Family"/>, <see cref="GroupingKind.Source"/> or <see cref="GroupingKind.Destination"/> group.</summary>
    public IpFamily Family => Kind is GroupingKind.Family or GroupingKind.Source or GroupingKind.Destination ? (IpFamily)Value : IpFamily.Unspecified;

    /// <summary>The class of an <see cref="GroupingKind.Assurance"/> group.</summary>
    public AssuranceClass Assurance => (AssuranceClass)Value;
}
