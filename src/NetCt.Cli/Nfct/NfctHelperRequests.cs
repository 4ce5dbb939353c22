using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Nfct;

/// <summary>
/// The requests of nfct's helper subsystem (NFNL_SUBSYS_CTHELPER), with libnetfilter_cthelper's
/// attribute order, and its replies. Needs CONFIG_NF_CT_NETLINK_HELPER; without it the kernel answers
/// every request with EINVAL.
/// </summary>
internal sealed class NfctHelperRequests(NetlinkConnection connection)
{
    private const NetlinkMessageFlags Ack = NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK;

    /// <summary>A helper as the kernel reports it, or null for a reply that lacks a mandatory attribute.</summary>
    public delegate void HelperHandler(NfctHelperReply? helper);

    public void List(HelperHandler onHelper)
    {
        using var writer = Begin(NfnlCthelperMsgTypes.NFNL_MSG_CTHELPER_GET, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_DUMP);
        writer.EndMessage();
        using NetlinkDump dump = connection.Dump(writer.WrittenSpan);
        while (dump.MoveNext())
        {
            onHelper(NfctHelperReply.Decode(dump.Current));
        }
    }

    public void Get(string name, ushort? family, byte? protocol, HelperHandler onHelper)
    {
        using var writer = Begin(NfnlCthelperMsgTypes.NFNL_MSG_CTHELPER_GET, Ack);
        writer.PutString((ushort)NfnlCthelperType.NFCTH_NAME, name);
        PutTuple(writer, family, protocol);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan, message => onHelper(NfctHelperReply.Decode(message)));
    }

    public void Delete(string? name, ushort? family, byte? protocol)
    {
        using var writer = Begin(NfnlCthelperMsgTypes.NFNL_MSG_CTHELPER_DEL, Ack);
        if (name is not null)
        {
            writer.PutString((ushort)NfnlCthelperType.NFCTH_NAME, name);
        }

        PutTuple(writer, family, protocol);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    public void Add(NfctHelper helper, ushort family)
    {
        using var writer = Begin(NfnlCthelperMsgTypes.NFNL_MSG_CTHELPER_NEW, Ack | NetlinkMessageFlags.NLM_F_CREATE);
        writer.PutString((ushort)NfnlCthelperType.NFCTH_NAME, helper.Name);
        writer.PutUInt32BigEndian((ushort)NfnlCthelperType.NFCTH_PRIV_DATA_LEN, helper.PrivateDataLength);
        PutTuple(writer, family, helper.Protocol);
        using (writer.BeginNested((ushort)NfnlCthelperType.NFCTH_POLICY))
        {
            using (writer.BeginNested((ushort)NfnlCthelperPolicyType.NFCTH_POLICY_SET1))
            {
                writer.PutString((ushort)NfnlCthelperPolType.NFCTH_POLICY_NAME, helper.Name);
                writer.PutUInt32BigEndian((ushort)NfnlCthelperPolType.NFCTH_POLICY_EXPECT_MAX, helper.ExpectMax);
                writer.PutUInt32BigEndian((ushort)NfnlCthelperPolType.NFCTH_POLICY_EXPECT_TIMEOUT, helper.ExpectTimeout);
            }

            writer.PutUInt32BigEndian((ushort)NfnlCthelperPolicyType.NFCTH_POLICY_SET_NUM, 1);
        }

        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    public void Disable(NfctHelper helper, ushort family)
    {
        using var writer = Begin(NfnlCthelperMsgTypes.NFNL_MSG_CTHELPER_NEW, Ack | NetlinkMessageFlags.NLM_F_CREATE);
        writer.PutString((ushort)NfnlCthelperType.NFCTH_NAME, helper.Name);
        PutTuple(writer, family, helper.Protocol);
        writer.PutUInt32BigEndian((ushort)NfnlCthelperType.NFCTH_STATUS, NfctHelperStatus.NFCT_HELPER_STATUS_DISABLED);
        writer.EndMessage();
        connection.Execute(writer.WrittenSpan);
    }

    // libnetfilter_cthelper puts both members once either is set; the unset one is 0.
    private static void PutTuple(NetlinkWriter writer, ushort? family, byte? protocol)
    {
        if (family is null && protocol is null)
        {
            return;
        }

        using (writer.BeginNested((ushort)NfnlCthelperType.NFCTH_TUPLE))
        {
            writer.PutUInt16BigEndian((ushort)NfnlCthelperTupleType.NFCTH_TUPLE_L3PROTONUM, family ?? 0);
            writer.PutByte((ushort)NfnlCthelperTupleType.NFCTH_TUPLE_L4PROTONUM, protocol ?? 0);
        }
    }

    private NetlinkWriter Begin(NfnlCthelperMsgTypes type, NetlinkMessageFlags flags)
    {
        var writer = new NetlinkWriter(256);
        writer.BeginNfMessage(
            NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTHELPER, (byte)type), flags, connection.NextSequence(), AddressFamilies.AF_UNSPEC);
        return writer;
    }
}
