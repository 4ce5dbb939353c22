using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Decodes the CTA_PROTOINFO nest: the TCP, SCTP or DCCP tracker's state.</summary>
/// <remarks>Each method takes the reader positioned on its nest (<c>nest</c>, by <c>in</c>; see <see cref="AttributeReader.GetNested"/>).</remarks>
internal static class ProtocolInfoDecoder
{
    // struct nf_ct_tcp_flags { __u8 flags; __u8 mask; }
    internal const int TcpFlagsLength = 2;

    public static void Decode(in AttributeReader nest, Flow flow, ReusableFlowDecoder? reuse)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrProtoinfo)reader.Type)
                {
                    case CtattrProtoinfo.CTA_PROTOINFO_TCP:
                        flow.Tcp = DecodeTcp(in reader, reuse?.ClearedTcp() ?? new TcpInfo());
                        break;
                    case CtattrProtoinfo.CTA_PROTOINFO_SCTP:
                        flow.Sctp = DecodeSctp(in reader, reuse?.ClearedSctp() ?? new SctpInfo());
                        break;
                    case CtattrProtoinfo.CTA_PROTOINFO_DCCP:
                        flow.Dccp = DecodeDccp(in reader, reuse?.ClearedDccp() ?? new DccpInfo());
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrProtoinfo>(reader.Type, e);
        }
    }

    private static TcpInfo DecodeTcp(in AttributeReader nest, TcpInfo tcp)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrProtoinfoTcp)reader.Type)
                {
                    case CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE:
                        tcp.State = (TcpState)reader.GetByte();
                        break;
                    case CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_ORIGINAL:
                        tcp.WindowScaleOriginal = reader.GetByte();
                        break;
                    case CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_REPLY:
                        tcp.WindowScaleReply = reader.GetByte();
                        break;
                    case CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_ORIGINAL:
                        tcp.FlagsOriginal = ReadTcpFlags(reader);
                        break;
                    case CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_REPLY:
                        tcp.FlagsReply = ReadTcpFlags(reader);
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrProtoinfoTcp>(reader.Type, e);
        }

        return tcp;
    }

    private static TcpFlagsAndMask ReadTcpFlags(in AttributeReader reader)
    {
        ReadOnlySpan<byte> value = reader.Value;
        if (value.Length < TcpFlagsLength)
        {
            throw DecodeErrors.ValueTooShort(value.Length, TcpFlagsLength, "struct nf_ct_tcp_flags");
        }

        return new TcpFlagsAndMask(value[0], value[1]);
    }

    private static SctpInfo DecodeSctp(in AttributeReader nest, SctpInfo sctp)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrProtoinfoSctp)reader.Type)
                {
                    case CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE:
                        sctp.State = (SctpState)reader.GetByte();
                        break;
                    case CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_ORIGINAL:
                        sctp.VerificationTagOriginal = reader.GetUInt32BigEndian();
                        break;
                    case CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_REPLY:
                        sctp.VerificationTagReply = reader.GetUInt32BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrProtoinfoSctp>(reader.Type, e);
        }

        return sctp;
    }

    private static DccpInfo DecodeDccp(in AttributeReader nest, DccpInfo dccp)
    {
        AttributeReader reader = nest.GetNested();
        try
        {
            while (reader.Next())
            {
                switch ((CtattrProtoinfoDccp)reader.Type)
                {
                    case CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE:
                        dccp.State = (DccpState)reader.GetByte();
                        break;
                    case CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE:
                        dccp.Role = (DccpRole)reader.GetByte();
                        break;
                    case CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ:
                        dccp.HandshakeSequence = reader.GetUInt64BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrProtoinfoDccp>(reader.Type, e);
        }

        return dccp;
    }
}
