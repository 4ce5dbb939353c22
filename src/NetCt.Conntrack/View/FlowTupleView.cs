using System.Runtime.CompilerServices;

namespace NetCt.Conntrack;

/// <summary>
/// One tuple (CTA_TUPLE_ORIG or CTA_TUPLE_REPLY) of a <see cref="FlowView"/>, read in place from the
/// message: the same fields as <see cref="FlowTuple"/>, with the addresses as their raw bytes.
/// </summary>
public readonly ref struct FlowTupleView : IFilterableTuple
{
    private readonly ReadOnlySpan<byte> _message;

    // A copy of the tuple's offsets (a default instance then reads as a tuple the message does not have).
    private readonly FlowViewOffsets.Tuple _at;

    internal FlowTupleView(ReadOnlySpan<byte> message, scoped in FlowViewOffsets.Tuple at)
    {
        _message = message;
        _at = at;
    }

    /// <summary>Whether the message has this tuple at all (a null <see cref="Flow.Original"/> or <see cref="Flow.Reply"/> otherwise).</summary>
    public bool IsPresent => _at.Present;

    /// <summary>The source address in network byte order: 4 bytes (IPv4), 16 (IPv6), or empty when not sent.</summary>
    public ReadOnlySpan<byte> Source => _message.Slice(_at.Source, _at.SourceLength);

    /// <summary>The destination address in network byte order: 4 bytes (IPv4), 16 (IPv6), or empty when not sent.</summary>
    public ReadOnlySpan<byte> Destination => _message.Slice(_at.Destination, _at.DestinationLength);

    /// <summary>CTA_PROTO_NUM.</summary>
    public byte? Protocol => Byte(_at.Protocol);

    /// <summary>CTA_PROTO_SRC_PORT (the GRE key for GRE).</summary>
    public ushort? SourcePort => UInt16(_at.SourcePort);

    /// <summary>CTA_PROTO_DST_PORT (the GRE key for GRE).</summary>
    public ushort? DestinationPort => UInt16(_at.DestinationPort);

    /// <summary>CTA_PROTO_ICMP_TYPE or CTA_PROTO_ICMPV6_TYPE.</summary>
    public byte? IcmpType => Byte(_at.IcmpType);

    /// <summary>CTA_PROTO_ICMP_CODE or CTA_PROTO_ICMPV6_CODE.</summary>
    public byte? IcmpCode => Byte(_at.IcmpCode);

    /// <summary>CTA_PROTO_ICMP_ID or CTA_PROTO_ICMPV6_ID.</summary>
    public ushort? IcmpId => UInt16(_at.IcmpId);

    /// <summary>CTA_TUPLE_ZONE.</summary>
    public ushort? Zone => UInt16(_at.Zone);

    int IFilterableTuple.WriteSource(scoped Span<byte> destination)
    {
        Source.CopyTo(destination);
        return _at.SourceLength;
    }

    int IFilterableTuple.WriteDestination(scoped Span<byte> destination)
    {
        Destination.CopyTo(destination);
        return _at.DestinationLength;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte? Byte(int at) => at == 0 ? null : ViewBytes.Byte(_message, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ushort? UInt16(int at) => at == 0 ? null : ViewBytes.UInt16(_message, at);
}
