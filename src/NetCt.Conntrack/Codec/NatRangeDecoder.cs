using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Decodes a CTA_NAT_SRC or CTA_NAT_DST nest. The kernel never reports these (they only set NAT up
/// on creation), but requests and captured messages carry them, and round trips need them.
/// </summary>
/// <remarks>Each method takes the reader positioned on its nest (<c>nest</c>, by <c>in</c>; see <see cref="AttributeReader.GetNested"/>).</remarks>
internal static class NatRangeDecoder
{
    public static NatRange Decode(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        var range = new NatRange();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrNat)reader.Type)
                {
                    case CtattrNat.CTA_NAT_V4_MINIP:
                        range.MinAddress = TupleDecoder.ReadAddress(reader, 4);
                        break;
                    case CtattrNat.CTA_NAT_V4_MAXIP:
                        range.MaxAddress = TupleDecoder.ReadAddress(reader, 4);
                        break;
                    case CtattrNat.CTA_NAT_V6_MINIP:
                        range.MinAddress = TupleDecoder.ReadAddress(reader, 16);
                        break;
                    case CtattrNat.CTA_NAT_V6_MAXIP:
                        range.MaxAddress = TupleDecoder.ReadAddress(reader, 16);
                        break;
                    case CtattrNat.CTA_NAT_PROTO:
                        DecodePorts(in reader, range);
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrNat>(reader.Type, e);
        }

        return range;
    }

    private static void DecodePorts(in AttributeReader nest, NatRange range)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrProtonat)reader.Type)
                {
                    case CtattrProtonat.CTA_PROTONAT_PORT_MIN:
                        range.MinPort = reader.GetUInt16BigEndian();
                        break;
                    case CtattrProtonat.CTA_PROTONAT_PORT_MAX:
                        range.MaxPort = reader.GetUInt16BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrProtonat>(reader.Type, e);
        }
    }
}
