using NetCt.Cli.Output;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Nfct;

/// <summary>A user-space helper in a reply, with the fields libnetfilter_cthelper's text shows.</summary>
internal sealed record NfctHelperReply(string Name, uint QueueNumber, ushort Family, byte Protocol, uint PrivateDataLength, uint Status)
{
    /// <summary>The helper, or null when a mandatory attribute (name, queue, tuple, policy, status) is missing, as the library requires.</summary>
    public static NfctHelperReply? Decode(NetlinkMessage message)
    {
        string? name = null;
        uint? queue = null, status = null;
        uint privateData = 0;
        ushort family = 0;
        byte protocol = 0;
        bool tuple = false, policy = false;
        AttributeReader reader = message.GetNfAttributes();
        while (reader.Next())
        {
            switch ((NfnlCthelperType)reader.Type)
            {
                case NfnlCthelperType.NFCTH_NAME:
                    name = reader.GetString();
                    break;
                case NfnlCthelperType.NFCTH_QUEUE_NUM:
                    queue = reader.GetUInt32BigEndian();
                    break;
                case NfnlCthelperType.NFCTH_TUPLE:
                    tuple = true;
                    ReadTuple(reader.GetNested(), ref family, ref protocol);
                    break;
                case NfnlCthelperType.NFCTH_POLICY:
                    policy = true;
                    break;
                case NfnlCthelperType.NFCTH_PRIV_DATA_LEN:
                    privateData = reader.GetUInt32BigEndian();
                    break;
                case NfnlCthelperType.NFCTH_STATUS:
                    status = reader.GetUInt32BigEndian();
                    break;
            }
        }

        return name is null || queue is null || !tuple || !policy || status is null
            ? null
            : new NfctHelperReply(name, queue.Value, family, protocol, privateData, status.Value);
    }

    /// <summary>libnetfilter_cthelper's text, then a newline.</summary>
    public void Write(OutputBuffer output)
    {
        output.WriteUtf8($"{{\n\t.name = {Name},\n\t.queuenum = {QueueNumber},\n\t.l3protonum = {Family},\n\t.l4protonum = {Protocol},\n");
        output.WriteUtf8($"\t.priv_data_len = {PrivateDataLength},\n\t.status = {(Status != 0 ? "enabled" : "disabled")},\n}};");
        output.EndLine();
    }

    private static void ReadTuple(AttributeReader reader, ref ushort family, ref byte protocol)
    {
        while (reader.Next())
        {
            switch ((NfnlCthelperTupleType)reader.Type)
            {
                case NfnlCthelperTupleType.NFCTH_TUPLE_L3PROTONUM:
                    family = reader.GetUInt16BigEndian();
                    break;
                case NfnlCthelperTupleType.NFCTH_TUPLE_L4PROTONUM:
                    protocol = reader.GetByte();
                    break;
            }
        }
    }
}
