using System.Net;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Decodes a CTA_TUPLE_ORIG, CTA_TUPLE_REPLY or CTA_TUPLE_MASTER nest.</summary>
/// <remarks>Each method takes the reader positioned on its nest (<c>nest</c>, by <c>in</c>; see <see cref="AttributeReader.GetNested"/>).</remarks>
internal static class TupleDecoder
{
    internal const int IPv4Length = 4;
    internal const int IPv6Length = 16;

    /// <summary>Decodes into <paramref name="into"/> (cleared) or a new tuple, taking addresses from <paramref name="addresses"/> when given.</summary>
    public static FlowTuple Decode(in AttributeReader nest, FlowTuple? into = null, AddressCache? addresses = null)
    {
        AttributeReader reader = nest.GetNested();
        FlowTuple tuple = into ?? new FlowTuple();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrTuple)reader.Type)
                {
                    case CtattrTuple.CTA_TUPLE_IP:
                        DecodeAddresses(in reader, tuple, addresses);
                        break;
                    case CtattrTuple.CTA_TUPLE_PROTO:
                        DecodeProtocol(in reader, tuple);
                        break;
                    case CtattrTuple.CTA_TUPLE_ZONE:
                        tuple.Zone = reader.GetUInt16BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrTuple>(reader.Type, e);
        }

        return tuple;
    }

    /// <summary>Reads an address attribute of exactly the family's length (CTA_IP_*, CTA_NAT_*_MINIP/MAXIP).</summary>
    public static IPAddress ReadAddress(in AttributeReader reader, int length, AddressCache? addresses = null)
    {
        ReadOnlySpan<byte> value = reader.Value;
        if (value.Length < length)
        {
            throw DecodeErrors.ValueTooShort(value.Length, length, length == IPv4Length ? "an IPv4 address" : "an IPv6 address");
        }

        return addresses?.Get(value[..length]) ?? new IPAddress(value[..length]);
    }

    private static void DecodeAddresses(in AttributeReader nest, FlowTuple tuple, AddressCache? addresses)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrIp)reader.Type)
                {
                    case CtattrIp.CTA_IP_V4_SRC:
                        tuple.Source = ReadAddress(reader, IPv4Length, addresses);
                        break;
                    case CtattrIp.CTA_IP_V4_DST:
                        tuple.Destination = ReadAddress(reader, IPv4Length, addresses);
                        break;
                    case CtattrIp.CTA_IP_V6_SRC:
                        tuple.Source = ReadAddress(reader, IPv6Length, addresses);
                        break;
                    case CtattrIp.CTA_IP_V6_DST:
                        tuple.Destination = ReadAddress(reader, IPv6Length, addresses);
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrIp>(reader.Type, e);
        }
    }

    // ICMP and ICMPv6 share the model's fields; GRE keys travel as the port attributes.
    private static void DecodeProtocol(in AttributeReader nest, FlowTuple tuple)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrL4proto)reader.Type)
                {
                    case CtattrL4proto.CTA_PROTO_NUM:
                        tuple.Protocol = reader.GetByte();
                        break;
                    case CtattrL4proto.CTA_PROTO_SRC_PORT:
                        tuple.SourcePort = reader.GetUInt16BigEndian();
                        break;
                    case CtattrL4proto.CTA_PROTO_DST_PORT:
                        tuple.DestinationPort = reader.GetUInt16BigEndian();
                        break;
                    case CtattrL4proto.CTA_PROTO_ICMP_ID:
                    case CtattrL4proto.CTA_PROTO_ICMPV6_ID:
                        tuple.IcmpId = reader.GetUInt16BigEndian();
                        break;
                    case CtattrL4proto.CTA_PROTO_ICMP_TYPE:
                    case CtattrL4proto.CTA_PROTO_ICMPV6_TYPE:
                        tuple.IcmpType = reader.GetByte();
                        break;
                    case CtattrL4proto.CTA_PROTO_ICMP_CODE:
                    case CtattrL4proto.CTA_PROTO_ICMPV6_CODE:
                        tuple.IcmpCode = reader.GetByte();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrL4proto>(reader.Type, e);
        }
    }
}
