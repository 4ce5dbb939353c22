using System.Net;
using System.Net.Sockets;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Writes a <see cref="FlowTuple"/> as a CTA_TUPLE_* or CTA_EXPECT_* tuple nest, leaving out every field that is null.</summary>
internal static class TupleEncoder
{
    public static void Write(NetlinkWriter writer, CtattrType nestType, FlowTuple tuple) => Write(writer, (ushort)nestType, tuple);

    public static void Write(NetlinkWriter writer, CtattrExpect nestType, FlowTuple tuple) => Write(writer, (ushort)nestType, tuple);

    public static void Write(NetlinkWriter writer, ushort nestType, FlowTuple tuple)
    {
        using (writer.BeginNested(nestType))
        {
            if (tuple.Source is not null || tuple.Destination is not null)
            {
                using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_IP))
                {
                    if (tuple.Source is { } source)
                    {
                        WriteAddress(writer, source, (ushort)CtattrIp.CTA_IP_V4_SRC, (ushort)CtattrIp.CTA_IP_V6_SRC);
                    }

                    if (tuple.Destination is { } destination)
                    {
                        WriteAddress(writer, destination, (ushort)CtattrIp.CTA_IP_V4_DST, (ushort)CtattrIp.CTA_IP_V6_DST);
                    }
                }
            }

            if (HasProtocolFields(tuple))
            {
                WriteProtocol(writer, tuple);
            }

            if (tuple.Zone is ushort zone)
            {
                writer.PutUInt16BigEndian((ushort)CtattrTuple.CTA_TUPLE_ZONE, zone);
            }
        }
    }

    /// <summary>Puts an address as the IPv4 or IPv6 attribute type, whichever its family calls for.</summary>
    public static void WriteAddress(NetlinkWriter writer, IPAddress address, ushort ipv4Type, ushort ipv6Type)
    {
        bool ipv6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        Span<byte> value = writer.PutAttribute(ipv6 ? ipv6Type : ipv4Type, ipv6 ? 16 : 4);
        address.TryWriteBytes(value, out _);
    }

    private static bool HasProtocolFields(FlowTuple tuple) =>
        tuple.Protocol is not null || tuple.SourcePort is not null || tuple.DestinationPort is not null
        || tuple.IcmpType is not null || tuple.IcmpCode is not null || tuple.IcmpId is not null;

    private static void WriteProtocol(NetlinkWriter writer, FlowTuple tuple)
    {
        // The model keeps one set of ICMP fields; the protocol number says which attributes carry them.
        bool icmpv6 = tuple.Protocol == IpProtocols.IPPROTO_ICMPV6;
        using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
        {
            if (tuple.Protocol is byte protocol)
            {
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, protocol);
            }

            if (tuple.SourcePort is ushort sourcePort)
            {
                writer.PutUInt16BigEndian((ushort)CtattrL4proto.CTA_PROTO_SRC_PORT, sourcePort);
            }

            if (tuple.DestinationPort is ushort destinationPort)
            {
                writer.PutUInt16BigEndian((ushort)CtattrL4proto.CTA_PROTO_DST_PORT, destinationPort);
            }

            if (tuple.IcmpId is ushort id)
            {
                writer.PutUInt16BigEndian((ushort)(icmpv6 ? CtattrL4proto.CTA_PROTO_ICMPV6_ID : CtattrL4proto.CTA_PROTO_ICMP_ID), id);
            }

            if (tuple.IcmpType is byte type)
            {
                writer.PutByte((ushort)(icmpv6 ? CtattrL4proto.CTA_PROTO_ICMPV6_TYPE : CtattrL4proto.CTA_PROTO_ICMP_TYPE), type);
            }

            if (tuple.IcmpCode is byte code)
            {
                writer.PutByte((ushort)(icmpv6 ? CtattrL4proto.CTA_PROTO_ICMPV6_CODE : CtattrL4proto.CTA_PROTO_ICMP_CODE), code);
            }
        }
    }
}
