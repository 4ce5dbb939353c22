using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// What <see cref="EntryStore"/> keeps of every entry: the original tuple, state, status, mark,
/// zone and expiry in 60 bytes of plain fields. The byte and packet counters are apart
/// (<see cref="EntryCounters"/>): they are zero unless net.netfilter.nf_conntrack_acct is on, so
/// the store allocates room for them only once the kernel reports some.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct EntryCore
{
    public const byte HasCountersFlag = 1;
    public const byte HasTimeoutFlag = 2;

    public readonly ulong SourceHigh;
    public readonly ulong SourceLow;
    public readonly ulong DestinationHigh;
    public readonly ulong DestinationLow;
    public readonly uint Id;
    public readonly uint Status;
    public readonly uint Mark;
    public readonly uint ExpiresAt;
    public readonly ushort SourcePort;
    public readonly ushort DestinationPort;
    public readonly ushort Zone;
    public readonly byte Family;
    public readonly byte Protocol;
    public readonly byte State;
    public readonly byte Flags;

    private const byte ProtocolIcmp = 1;
    private const byte ProtocolIcmpV6 = 58;

    public EntryCore(Flow flow, uint now)
    {
        FlowTuple? tuple = flow.Original;
        (SourceHigh, SourceLow) = Split(tuple?.Source);
        (DestinationHigh, DestinationLow) = Split(tuple?.Destination);
        Id = flow.Id ?? 0;
        Status = (uint)(flow.Status ?? FlowStatus.None);
        Mark = flow.Mark ?? 0;
        Zone = flow.Zone ?? 0;
        Family = (byte)(flow.Family != IpFamily.Unspecified ? flow.Family : tuple?.Family ?? IpFamily.Unspecified);
        Protocol = flow.Protocol ?? 0;
        State = (byte?)flow.Tcp?.State ?? (byte?)flow.Sctp?.State ?? (byte?)flow.Dccp?.State ?? 0;
        // ICMP entries have no ports: the type and code share the destination-port field and the id
        // takes the source port's, as in the kernel's own tuple union.
        SourcePort = IsIcmpProtocol(Protocol) ? tuple?.IcmpId ?? 0 : tuple?.SourcePort ?? 0;
        DestinationPort = IsIcmpProtocol(Protocol) ? (ushort)((tuple?.IcmpType ?? 0) << 8 | (tuple?.IcmpCode ?? 0)) : tuple?.DestinationPort ?? 0;
        ExpiresAt = now + (flow.Timeout ?? 0);
        Flags = (byte)((flow.Timeout is null ? 0 : HasTimeoutFlag) | (flow.OriginalCounters is null && flow.ReplyCounters is null ? 0 : HasCountersFlag));
    }

    private EntryCore(in EntryCore entry, in EntryCore update)
    {
        this = update;
        // An event carries counters only when it destroys the entry (and on kernels with accounting):
        // an update without them keeps the ones a dump brought.
        Flags |= (byte)(entry.Flags & HasCountersFlag);
        if ((update.Flags & HasTimeoutFlag) == 0)
        {
            Flags |= (byte)(entry.Flags & HasTimeoutFlag);
            ExpiresAt = entry.ExpiresAt;
        }

        // The kernel leaves out protocol info it did not change.
        if (update.State == 0)
        {
            State = entry.State;
        }
    }

    public bool HasCounters => (Flags & HasCountersFlag) != 0;

    public bool IsIcmp => IsIcmpProtocol(Protocol);

    /// <summary>This entry changed by <paramref name="update"/>: the timeout and protocol state it lacks are kept, and so is having counters.</summary>
    public EntryCore MergedWith(in EntryCore update) => new(this, update);

    /// <summary>
    /// Whether <paramref name="other"/> is the same connection: the same id, family, protocol,
    /// original addresses and ports (or ICMP fields). Not the zone: an entry never changes zone, and
    /// an event that leaves out the attribute must still find its entry.
    /// </summary>
    public bool IsSameConnection(in EntryCore other) =>
        Id == other.Id && Family == other.Family && Protocol == other.Protocol
        && SourceHigh == other.SourceHigh && SourceLow == other.SourceLow
        && DestinationHigh == other.DestinationHigh && DestinationLow == other.DestinationLow
        && SourcePort == other.SourcePort && DestinationPort == other.DestinationPort;

    private static bool IsIcmpProtocol(byte protocol) => protocol is ProtocolIcmp or ProtocolIcmpV6;

    private static (ulong High, ulong Low) Split(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return (0, 0);
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        if (length == 4)
        {
            return (0, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }
}
