namespace NetCt.Conntrack;

/// <summary>What <see cref="FlowFilterEvaluator"/> reads of one tuple of an entry (see <see cref="IFilterableFlow{TTuple}"/>).</summary>
internal interface IFilterableTuple
{
    /// <summary>Whether the entry has this tuple at all.</summary>
    bool IsPresent { get; }

    /// <summary>Writes the source address in network byte order.</summary>
    /// <returns>The bytes written: 4 (IPv4), 16 (IPv6), or 0 when the tuple has no source address.</returns>
    int WriteSource(scoped Span<byte> destination);

    /// <summary>Writes the destination address in network byte order, as <see cref="WriteSource"/>.</summary>
    int WriteDestination(scoped Span<byte> destination);

    /// <summary>CTA_PROTO_NUM.</summary>
    byte? Protocol { get; }

    /// <summary>CTA_PROTO_SRC_PORT.</summary>
    ushort? SourcePort { get; }

    /// <summary>CTA_PROTO_DST_PORT.</summary>
    ushort? DestinationPort { get; }

    /// <summary>CTA_PROTO_ICMP_TYPE or CTA_PROTO_ICMPV6_TYPE.</summary>
    byte? IcmpType { get; }

    /// <summary>CTA_PROTO_ICMP_CODE or CTA_PROTO_ICMPV6_CODE.</summary>
    byte? IcmpCode { get; }

    /// <summary>CTA_PROTO_ICMP_ID or CTA_PROTO_ICMPV6_ID.</summary>
    ushort? IcmpId { get; }

    /// <summary>CTA_TUPLE_ZONE.</summary>
    ushort? Zone { get; }
}
