using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// One direction of a connection (CTA_TUPLE_ORIG, CTA_TUPLE_REPLY or CTA_TUPLE_MASTER): addresses,
/// layer-4 protocol and its identifying fields. Every field is nullable so that "not given"
/// differs from zero, both in entries read from the kernel and in requests and filters.
/// </summary>
public sealed class FlowTuple
{
    /// <summary>CTA_IP_V4_SRC or CTA_IP_V6_SRC.</summary>
    public IPAddress? Source { get; set; }

    /// <summary>CTA_IP_V4_DST or CTA_IP_V6_DST.</summary>
    public IPAddress? Destination { get; set; }

    /// <summary>CTA_PROTO_NUM: the IP protocol number (6 tcp, 17 udp, 1 icmp, 58 icmpv6, ...).</summary>
    public byte? Protocol { get; set; }

    /// <summary>CTA_PROTO_SRC_PORT. For GRE this attribute carries the source key.</summary>
    public ushort? SourcePort { get; set; }

    /// <summary>CTA_PROTO_DST_PORT. For GRE this attribute carries the destination key.</summary>
    public ushort? DestinationPort { get; set; }

    /// <summary>CTA_PROTO_ICMP_TYPE or CTA_PROTO_ICMPV6_TYPE.</summary>
    public byte? IcmpType { get; set; }

    /// <summary>CTA_PROTO_ICMP_CODE or CTA_PROTO_ICMPV6_CODE.</summary>
    public byte? IcmpCode { get; set; }

    /// <summary>CTA_PROTO_ICMP_ID or CTA_PROTO_ICMPV6_ID.</summary>
    public ushort? IcmpId { get; set; }

    /// <summary>CTA_TUPLE_ZONE: the zone of this direction, when it differs per direction.</summary>
    public ushort? Zone { get; set; }

    /// <summary>The family implied by the addresses, or <see cref="IpFamily.Unspecified"/> when none is set.</summary>
    public IpFamily Family => (Source ?? Destination)?.AddressFamily switch
    {
        System.Net.Sockets.AddressFamily.InterNetwork => IpFamily.IPv4,
        System.Net.Sockets.AddressFamily.InterNetworkV6 => IpFamily.IPv6,
        _ => IpFamily.Unspecified,
    };

    /// <summary>Sets every field back to unset, for a decoder that reuses the instance (<see cref="ReusableFlowDecoder"/>).</summary>
    internal void Clear()
    {
        Source = null;
        Destination = null;
        Protocol = null;
        SourcePort = null;
        DestinationPort = null;
        IcmpType = null;
        IcmpCode = null;
        IcmpId = null;
        Zone = null;
    }
}
