using System.Net;
using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// One conntrack entry as <see cref="LiveTable"/> keeps it: the original tuple, state, status, mark,
/// zone, expiry and counters in 84 bytes of plain fields (no object references), so a table of a
/// million entries is one flat array the garbage collector never walks. Built from a
/// <see cref="Flow"/> with <see cref="From"/>; read through its properties.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct LiveEntry
{
    private readonly ulong _sourceHigh;
    private readonly ulong _sourceLow;
    private readonly ulong _destinationHigh;
    private readonly ulong _destinationLow;
    private readonly ulong _originalBytes;
    private readonly ulong _replyBytes;
    private readonly uint _originalPackets;
    private readonly uint _replyPackets;
    private readonly uint _id;
    private readonly uint _status;
    private readonly uint _mark;
    private readonly uint _expiresAt;
    private readonly ushort _sourcePort;
    private readonly ushort _destinationPort;
    private readonly ushort _zone;
    private readonly byte _family;
    private readonly byte _protocol;
    private readonly byte _state;
    private readonly byte _flags;

    private const byte HasCountersFlag = 1;
    private const byte HasTimeoutFlag = 2;

    private LiveEntry(Flow flow, uint now, ulong sourceHigh, ulong sourceLow, ulong destinationHigh, ulong destinationLow)
    {
        FlowTuple? tuple = flow.Original;
        _sourceHigh = sourceHigh;
        _sourceLow = sourceLow;
        _destinationHigh = destinationHigh;
        _destinationLow = destinationLow;
        _id = flow.Id ?? 0;
        _status = (uint)(flow.Status ?? FlowStatus.None);
        _mark = flow.Mark ?? 0;
        _zone = flow.Zone ?? 0;
        _family = (byte)(flow.Family != IpFamily.Unspecified ? flow.Family : tuple?.Family ?? IpFamily.Unspecified);
        _protocol = flow.Protocol ?? 0;
        _state = (byte?)flow.Tcp?.State ?? (byte?)flow.Sctp?.State ?? (byte?)flow.Dccp?.State ?? 0;
        bool icmp = _protocol is ProtocolIcmp or ProtocolIcmpV6;
        // ICMP entries have no ports: the type and code share the destination-port field and the id
        // takes the source port's, as in the kernel's own tuple union.
        _sourcePort = icmp ? tuple?.IcmpId ?? 0 : tuple?.SourcePort ?? 0;
        _destinationPort = icmp ? (ushort)((tuple?.IcmpType ?? 0) << 8 | (tuple?.IcmpCode ?? 0)) : tuple?.DestinationPort ?? 0;
        _expiresAt = now + (flow.Timeout ?? 0);
        _flags = (byte)((flow.Timeout is null ? 0 : HasTimeoutFlag) | (flow.OriginalCounters is null && flow.ReplyCounters is null ? 0 : HasCountersFlag));
        _originalPackets = (uint)Math.Min(uint.MaxValue, flow.OriginalCounters?.Packets ?? 0);
        _replyPackets = (uint)Math.Min(uint.MaxValue, flow.ReplyCounters?.Packets ?? 0);
        _originalBytes = flow.OriginalCounters?.Bytes ?? 0;
        _replyBytes = flow.ReplyCounters?.Bytes ?? 0;
    }

    private LiveEntry(in LiveEntry entry, in LiveEntry update)
    {
        this = update;
        // An event carries counters only when it destroys the entry (and on kernels with accounting):
        // an update without them keeps the ones a dump brought.
        if ((update._flags & HasCountersFlag) == 0)
        {
            _flags |= (byte)(entry._flags & HasCountersFlag);
            _originalPackets = entry._originalPackets;
            _replyPackets = entry._replyPackets;
            _originalBytes = entry._originalBytes;
            _replyBytes = entry._replyBytes;
        }

        if ((update._flags & HasTimeoutFlag) == 0)
        {
            _flags |= (byte)(entry._flags & HasTimeoutFlag);
            _expiresAt = entry._expiresAt;
        }

        // The kernel leaves out protocol info it did not change.
        if (update._state == 0)
        {
            _state = entry._state;
        }
    }

    private const byte ProtocolIcmp = 1;
    private const byte ProtocolIcmpV6 = 58;

    /// <summary>The compact form of <paramref name="flow"/>.</summary>
    /// <param name="flow">An entry from a dump or an event.</param>
    /// <param name="now">The model clock (seconds) against which the flow's timeout becomes an expiry time.</param>
    /// <returns>The entry.</returns>
    public static LiveEntry From(Flow flow, uint now)
    {
        (ulong sourceHigh, ulong sourceLow) = Split(flow.Original?.Source);
        (ulong destinationHigh, ulong destinationLow) = Split(flow.Original?.Destination);
        return new LiveEntry(flow, now, sourceHigh, sourceLow, destinationHigh, destinationLow);
    }

    /// <summary>This entry changed by <paramref name="update"/>: fields the update lacks (counters, timeout, protocol state) are kept.</summary>
    internal LiveEntry MergedWith(in LiveEntry update) => new(this, update);

    /// <summary>CTA_ID: the key of the entry in the model.</summary>
    public uint Id => _id;

    /// <summary>The layer-3 family.</summary>
    public IpFamily Family => (IpFamily)_family;

    /// <summary>The layer-4 protocol number.</summary>
    public byte Protocol => _protocol;

    /// <summary>The original source address.</summary>
    public IPAddress Source => ToAddress(_sourceHigh, _sourceLow);

    /// <summary>The original destination address.</summary>
    public IPAddress Destination => ToAddress(_destinationHigh, _destinationLow);

    /// <summary>The original source port (for ICMP: 0; see <see cref="IcmpId"/>).</summary>
    public ushort SourcePort => IsIcmp ? (ushort)0 : _sourcePort;

    /// <summary>The original destination port (for ICMP: 0; see <see cref="IcmpType"/>).</summary>
    public ushort DestinationPort => IsIcmp ? (ushort)0 : _destinationPort;

    /// <summary>Whether the entry is ICMP or ICMPv6, whose tuple has a type, code and id instead of ports.</summary>
    public bool IsIcmp => _protocol is ProtocolIcmp or ProtocolIcmpV6;

    /// <summary>The ICMP type (ICMP entries only).</summary>
    public byte IcmpType => IsIcmp ? (byte)(_destinationPort >> 8) : (byte)0;

    /// <summary>The ICMP code (ICMP entries only).</summary>
    public byte IcmpCode => IsIcmp ? (byte)_destinationPort : (byte)0;

    /// <summary>The ICMP id (ICMP entries only).</summary>
    public ushort IcmpId => IsIcmp ? _sourcePort : (ushort)0;

    /// <summary>The protocol tracker's state as its raw number (a <see cref="TcpState"/>, <see cref="SctpState"/> or <see cref="DccpState"/>; 0 for protocols without one).</summary>
    public byte State => _state;

    /// <summary>CTA_STATUS.</summary>
    public FlowStatus Status => (FlowStatus)_status;

    /// <summary>CTA_MARK (0 when the kernel left it out).</summary>
    public uint Mark => _mark;

    /// <summary>CTA_ZONE (0 when the kernel left it out).</summary>
    public ushort Zone => _zone;

    /// <summary>When the entry expires on the model clock (seconds), as last reported.</summary>
    public uint ExpiresAt => _expiresAt;

    /// <summary>Whether the kernel reported a timeout for the entry.</summary>
    public bool HasTimeout => (_flags & HasTimeoutFlag) != 0;

    /// <summary>Seconds left at <paramref name="now"/> (model clock), never negative.</summary>
    /// <param name="now">The model clock in seconds.</param>
    /// <returns>The remaining time to live.</returns>
    public uint TimeToLive(uint now) => _expiresAt > now ? _expiresAt - now : 0;

    /// <summary>Whether the kernel reported counters (accounting on).</summary>
    public bool HasCounters => (_flags & HasCountersFlag) != 0;

    /// <summary>Packets and bytes of the original direction (packets saturate at 2³²-1).</summary>
    public Counters OriginalCounters => new(_originalPackets, _originalBytes);

    /// <summary>Packets and bytes of the reply direction (packets saturate at 2³²-1).</summary>
    public Counters ReplyCounters => new(_replyPackets, _replyBytes);

    /// <summary>Bytes of both directions.</summary>
    public ulong TotalBytes => _originalBytes + _replyBytes;

    /// <summary>IPS_ASSURED is set.</summary>
    public bool IsAssured => (Status & FlowStatus.Assured) != 0;

    /// <summary>IPS_SEEN_REPLY is not set.</summary>
    public bool IsUnreplied => (Status & FlowStatus.SeenReply) == 0;

    /// <summary>The original source as two halves (IPv4 in the low 32 bits of the low half), for grouping and sorting without allocation.</summary>
    internal (ulong High, ulong Low) SourceKey => (_sourceHigh, _sourceLow);

    /// <summary>The original destination as two halves.</summary>
    internal (ulong High, ulong Low) DestinationKey => (_destinationHigh, _destinationLow);

    /// <summary>The original tuple and zone as a <see cref="Flow"/>: enough for <see cref="ConntrackClient.Delete"/>.</summary>
    /// <returns>A new flow with <see cref="Flow.Id"/> set, so a recreated entry with the same tuple is not deleted in error.</returns>
    public Flow ToFlow()
    {
        var tuple = new FlowTuple { Source = Source, Destination = Destination, Protocol = _protocol };
        if (IsIcmp)
        {
            tuple.IcmpType = IcmpType;
            tuple.IcmpCode = IcmpCode;
            tuple.IcmpId = IcmpId;
        }
        else if (_sourcePort != 0 || _destinationPort != 0)
        {
            tuple.SourcePort = _sourcePort;
            tuple.DestinationPort = _destinationPort;
        }

        return new Flow
        {
            Family = Family,
            Original = tuple,
            Id = _id,
            Zone = _zone == 0 ? null : _zone,
            Mark = _mark,
            Status = Status,
        };
    }

    internal static (ulong High, ulong Low) Split(IPAddress? address)
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
