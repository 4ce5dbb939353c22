using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Writes the CTA_PROTOINFO nest of a create or update request from the flow's TCP, SCTP or DCCP state.</summary>
internal static class ProtocolInfoEncoder
{
    public static void Write(NetlinkWriter writer, Flow flow)
    {
        if (flow.Tcp is null && flow.Sctp is null && flow.Dccp is null)
        {
            return;
        }

        using (writer.BeginNested((ushort)CtattrType.CTA_PROTOINFO))
        {
            if (flow.Tcp is { } tcp)
            {
                WriteTcp(writer, tcp);
            }

            if (flow.Dccp is { } dccp)
            {
                WriteDccp(writer, dccp);
            }

            if (flow.Sctp is { } sctp)
            {
                WriteSctp(writer, sctp);
            }
        }
    }

    private static void WriteTcp(NetlinkWriter writer, TcpInfo tcp)
    {
        using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_TCP))
        {
            if (tcp.State is TcpState state)
            {
                writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE, (byte)state);
            }

            if (tcp.WindowScaleOriginal is byte scaleOriginal)
            {
                writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_ORIGINAL, scaleOriginal);
            }

            if (tcp.WindowScaleReply is byte scaleReply)
            {
                writer.PutByte((ushort)CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_REPLY, scaleReply);
            }

            if (tcp.FlagsOriginal is { } flagsOriginal)
            {
                WriteTcpFlags(writer, CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_ORIGINAL, flagsOriginal);
            }

            if (tcp.FlagsReply is { } flagsReply)
            {
                WriteTcpFlags(writer, CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_REPLY, flagsReply);
            }
        }
    }

    private static void WriteTcpFlags(NetlinkWriter writer, CtattrProtoinfoTcp type, TcpFlagsAndMask flags)
    {
        Span<byte> value = writer.PutAttribute((ushort)type, 2);
        value[0] = flags.Flags;
        value[1] = flags.Mask;
    }

    private static void WriteDccp(NetlinkWriter writer, DccpInfo dccp)
    {
        using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_DCCP))
        {
            if (dccp.State is DccpState state)
            {
                writer.PutByte((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE, (byte)state);
            }

            if (dccp.Role is DccpRole role)
            {
                writer.PutByte((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE, (byte)role);
            }

            if (dccp.HandshakeSequence is ulong sequence)
            {
                writer.PutUInt64BigEndian((ushort)CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ, sequence);
            }
        }
    }

    private static void WriteSctp(NetlinkWriter writer, SctpInfo sctp)
    {
        using (writer.BeginNested((ushort)CtattrProtoinfo.CTA_PROTOINFO_SCTP))
        {
            if (sctp.State is SctpState state)
            {
                writer.PutByte((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE, (byte)state);
            }

            if (sctp.VerificationTagOriginal is uint tagOriginal)
            {
                writer.PutUInt32BigEndian((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_ORIGINAL, tagOriginal);
            }

            if (sctp.VerificationTagReply is uint tagReply)
            {
                writer.PutUInt32BigEndian((ushort)CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_REPLY, tagReply);
            }
        }
    }
}
