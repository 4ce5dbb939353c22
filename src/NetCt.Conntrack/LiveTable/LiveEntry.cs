using System.Net;
using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// One conntrack entry as <see cref="LiveTable"/> keeps it: the original tuple, state, status, mark,
/// zone, expiry and counters in 84 bytes of plain fields (no object references). The table stores
/// the counters apart, only once the kernel reports them, so a million entries are flat arrays of 60
/// bytes each that the garbage collector never walks. Built from a <see cref="Flow"/> with
/// <see cref="From"/>; read through its properties.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct LiveEntry
{
    private readonly EntryCore _core;
    private readonly EntryCounters _counters;

    internal LiveEntry(in EntryCore core, in EntryCounters counters)
    {
        _core = core;
        _counters = counters;
    }

    /// <summary>The fields a <see cref="EntryStore"/> keeps for every entry.</summary>
    internal EntryCore Core => _core;

    /// <summary>The byte and packet counters (all zero without accounting), kept apart by the store.</summary>
    internal EntryCounters CountersOfEntry => _counters;

    /// <summary>The compact form of <paramref name="flow"/>.</summary>
    /// <param name="flow">An entry from a dump or an event.</param>
    /// <param name="now">The model clock (seconds) against which the flow's timeout becomes an expiry time.</param>
    /// <returns>The entry.</returns>
    public static LiveEntry From(Flow flow, uint now) => new(new EntryCore(flow, now), new EntryCounters(flow));

    /// <summary>This entry changed by <paramref name="update"/>: fields the update lacks (counters, timeout, protocol state) are kept.</summary>
    internal LiveEntry MergedWith(in LiveEntry update) => new(_core.MergedWith(update._core), update.HasCounters ? update._counters : _counters);

    /// <summary>CTA_ID. With the original tuple it is the key of the entry in the model (ids alone collide: they are 32-bit hashes).</summary>
    public uint Id => _core.Id;

    /// <summary>The layer-3 family.</summary>
    public IpFamily Family => (IpFamily)_core.Family;

    /// <summary>The layer-4 protocol number.</summary>
    public byte Protocol => _core.Protocol;

    /// <summary>The original source address.</summary>
    public IPAddress Source => ToAddress(_core.SourceHigh, _core.SourceLow);

    /// <summary>The original destination address.</summary>
    public IPAddress Destination => ToAddress(_core.DestinationHigh, _core.DestinationLow);

    /// <summary>The original source port (for ICMP: 0; see <see cref="IcmpId"/>).</summary>
    public ushort SourcePort => IsIcmp ? (ushort)0 : _core.SourcePort;

    /// <summary>The original destination port (for ICMP: 0; see <see cref="IcmpType"/>).</summary>
    public ushort DestinationPort => IsIcmp ? (ushort)0 : _core.DestinationPort;

    /// <summary>Whether the entry is ICMP or ICMPv6, whose tuple has a type, code and id instead of ports.</summary>
    public bool IsIcmp => _core.IsIcmp;

    /// <summary>The ICMP type (ICMP entries only).</summary>
    public byte IcmpType => IsIcmp ? (byte)(_core.DestinationPort >> 8) : (byte)0;

    /// <summary>The ICMP code (ICMP entries only).</summary>
    public byte IcmpCode => IsIcmp ? (byte)_core.DestinationPort : (byte)0;

    /// <summary>The ICMP id (ICMP entries only).</summary>
    public ushort IcmpId => IsIcmp ? _core.SourcePort : (ushort)0;

    /// <summary>The protocol tracker's state as its raw number (a <see cref="TcpState"/>, <see cref="SctpState"/> or <see cref="DccpState"/>; 0 for protocols without one).</summary>
    public byte State => _core.State;

    /// <summary>CTA_STATUS.</summary>
    public FlowStatus Status => (FlowStatus)_core.Status;

    /// <summary>CTA_MARK (0 when the kernel left it out).</summary>
    public uint Mark => _core.Mark;

    /// <summary>CTA_ZONE (0 when the kernel left it out).</summary>
    public ushort Zone => _core.Zone;

    /// <summary>When the entry expires on the model clock (seconds), as last reported.</summary>
    public uint ExpiresAt => _core.ExpiresAt;

    /// <summary>Whether the kernel reported a timeout for the entry.</summary>
    public bool HasTimeout => (_core.Flags & EntryCore.HasTimeoutFlag) != 0;

    /// <summary>Seconds left at <paramref name="now"/> (model clock), never negative.</summary>
    /// <param name="now">The model clock in seconds.</param>
    /// <returns>The remaining time to live.</returns>
    public uint TimeToLive(uint now) => _core.ExpiresAt > now ? _core.ExpiresAt - now : 0;

    /// <summary>Whether the kernel reported counters (accounting on).</summary>
    public bool HasCounters => _core.HasCounters;

    /// <summary>Packets and bytes of the original direction (packets saturate at 2³²-1).</summary>
    public Counters OriginalCounters => new(_counters.OriginalPackets, _counters.OriginalBytes);

    /// <summary>Packets and bytes of the reply direction (packets saturate at 2³²-1).</summary>
    public Counters ReplyCounters => new(_counters.ReplyPackets, _counters.ReplyBytes);

    /// <summary>Bytes of both directions.</summary>
    public ulong TotalBytes => _counters.OriginalBytes + _counters.ReplyBytes;

    /// <summary>IPS_ASSURED is set.</summary>
    public bool IsAssured => (Status & FlowStatus.Assured) != 0;

    /// <summary>IPS_SEEN_REPLY is not set.</summary>
    public bool IsUnreplied => (Status & FlowStatus.SeenReply) == 0;

    /// <summary>The original source as two halves (IPv4 in the low 32 bits of the low half), for grouping and sorting without allocation.</summary>
    internal (ulong High, ulong Low) SourceKey => (_core.SourceHigh, _core.SourceLow);

    /// <summary>The original destination as two halves.</summary>
    internal (ulong High, ulong Low) DestinationKey => (_core.DestinationHigh, _core.DestinationLow);

    /// <summary>The original tuple and zone as a <see cref="Flow"/>: enough for <see cref="ConntrackClient.Delete"/>.</summary>
    /// <returns>A new flow with <see cref="Flow.Id"/> set, so a recreated entry with the same tuple is not deleted in error.</returns>
    public Flow ToFlow()
    {
        var tuple = new FlowTuple { Source = Source, Destination = Destination, Protocol = _core.Protocol };
        if (IsIcmp)
        {
            tuple.IcmpType = IcmpType;
            tuple.IcmpCode = IcmpCode;
            tuple.IcmpId = IcmpId;
        }
        else if (_core.SourcePort != 0 || _core.DestinationPort != 0)
        {
            tuple.SourcePort = _core.SourcePort;
            tuple.DestinationPort = _core.DestinationPort;
        }

        return new Flow
        {
            Family = Family,
            Original = tuple,
            Id = _core.Id,
            Zone = _core.Zone == 0 ? null : _core.Zone,
            Mark = _core.Mark,
            Status = Status,
        };
    }

    private IPAddress ToAddress(ulong high, ulong low) => ToAddress(Family, high, low);

    internal static IPAddress ToAddress(IpFamily family, ulong high, ulong low)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (family == IpFamily.IPv6)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
            return new IPAddress(bytes);
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)low);
        return new IPAddress(bytes[..4]);
    }
}
