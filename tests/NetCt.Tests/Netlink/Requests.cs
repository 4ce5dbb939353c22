using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Tests.Netlink;

/// <summary>Request messages for the exchange tests.</summary>
internal static class Requests
{
    public const ushort CtNew = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_NEW;
    public const ushort CtGet = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_GET;
    public const ushort CtDelete = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_DELETE;

    public const NetlinkMessageFlags RequestAck = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK;
    public const NetlinkMessageFlags RequestDump = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_DUMP;

    public static byte[] Build(NetlinkConnection connection, ushort type, NetlinkMessageFlags flags, out uint sequence, uint mark = 1)
    {
        using var writer = new NetlinkWriter();
        sequence = writer.BeginNfMessage(type, flags, connection.NextSequence(), AddressFamilies.AF_INET);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, mark);
        writer.EndMessage();
        return writer.WrittenSpan.ToArray();
    }
}
