using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class FramingTests
{
    [Fact]
    public void HeaderRoundTripsInHostOrder()
    {
        var header = new NetlinkMessageHeader(40, 0x0102, NetlinkMessageFlags.NLM_F_MULTI | NetlinkMessageFlags.NLM_F_DUMP_INTR, 9, 4242);
        byte[] bytes = new byte[16];
        header.Write(bytes);

        Assert.Equal(new byte[] { 40, 0, 0, 0, 2, 1, 0x12, 0, 9, 0, 0, 0, 0x92, 0x10, 0, 0 }, bytes);
        NetlinkMessageHeader read = NetlinkMessageHeader.Read(bytes);
        Assert.Equal(header.Length, read.Length);
        Assert.Equal(header.Type, read.Type);
        Assert.Equal(header.Flags, read.Flags);
        Assert.Equal(header.Sequence, read.Sequence);
        Assert.Equal(header.PortId, read.PortId);
        Assert.Throws<NetlinkDecodeException>(() => NetlinkMessageHeader.Read(bytes.AsSpan(0, 15)));
        Assert.False(NetlinkMessageHeader.TryRead(bytes.AsSpan(0, 15), out _));
    }

    [Fact]
    public void NfGenMessageResourceIdIsBigEndian()
    {
        byte[] bytes = new byte[4];
        new NfGenMessage(AddressFamilies.AF_INET6, NfnetlinkVersions.NFNETLINK_V0, 0x0102).Write(bytes);

        Assert.Equal(new byte[] { 10, 0, 1, 2 }, bytes);
        Assert.Equal(0x0102, NfGenMessage.Read(bytes).ResourceId);
        Assert.Throws<NetlinkDecodeException>(() => NfGenMessage.Read(bytes.AsSpan(0, 3)));
    }

    [Fact]
    public void NfnlMessageTypeSplitsSubsystemAndMessage()
    {
        ushort type = NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE);

        Assert.Equal(0x0202, type);
        Assert.Equal(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP, NfnlMessageType.Subsystem(type));
        Assert.Equal((byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE, NfnlMessageType.Message(type));
    }

    [Fact]
    public void MessageReaderIteratesADatagram()
    {
        byte[] datagram = Datagram(
            Data(0x0100, 5, attributes: Attribute(8, U32BigEndian(1))),
            Data(0x0100, 5, attributes: Attribute(8, U32BigEndian(2))),
            Done(5));
        var reader = new NetlinkMessageReader(datagram, senderPortId: 0);
        var marks = new List<uint>();

        while (reader.Next())
        {
            NetlinkMessage message = reader.Current;
            if (message.Type == NetlinkMessageTypes.NLMSG_DONE)
            {
                break;
            }

            AttributeReader attributes = message.GetNfAttributes();
            while (attributes.Next())
            {
                marks.Add(attributes.GetUInt32BigEndian());
            }
        }

        Assert.Equal(new uint[] { 1, 2 }, marks);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    public void MessageReaderRejectsBadLengths(int declaredLength)
    {
        byte[] datagram = Data(0x0100, 1);
        BitConverter.TryWriteBytes(datagram, declaredLength);

        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new NetlinkMessageReader(datagram);
            reader.Next();
        });
    }

    [Fact]
    public void MessageReaderRejectsATruncatedTrailingHeader()
    {
        byte[] datagram = [.. Data(0x0100, 1), 1, 2, 3, 4];

        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new NetlinkMessageReader(datagram);
            reader.Next();
            reader.Next();
        });
    }

    [Fact]
    public void MessageViewExposesPayloadAndAttributes()
    {
        byte[] bytes = Data(0x0101, 3, NetlinkMessageFlags.NLM_F_MULTI, OurPort, AddressFamilies.AF_INET, Attribute(11, U32BigEndian(1)));
        var message = new NetlinkMessage(bytes, senderPortId: 0);

        Assert.Equal(0x0101, message.Type);
        Assert.Equal(NetlinkMessageFlags.NLM_F_MULTI, message.Flags);
        Assert.Equal(OurPort, message.Header.PortId);
        Assert.Equal(0u, message.SenderPortId);
        Assert.Equal(12, message.Payload.Length);
        Assert.Equal(AddressFamilies.AF_INET, message.ReadNfGenMessage().Family);
        Assert.Throws<NetlinkDecodeException>(() => { _ = new NetlinkMessage(Message(1, 0, 1, 0, [])).GetNfAttributes(); });
        Assert.Throws<NetlinkDecodeException>(() => { _ = new NetlinkMessage(bytes.AsSpan(0, 12)); });
    }
}
