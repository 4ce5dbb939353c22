using System.Net;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkWriterTests
{
    private const ushort CtGet = (NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK << 8) | (byte)CntlMsgTypes.IPCTNL_MSG_CT_GET;

    [Fact]
    public void WritesExactBytes()
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(CtGet, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, 0x01020304, AddressFamilies.AF_INET);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, 0x11223344);
        writer.PutByte(7, 0xAB);
        writer.EndMessage();

        byte[] expected =
        [
            36, 0, 0, 0,            // nlmsg_len (host order)
            0x01, 0x01,             // nlmsg_type 0x0101: ctnetlink GET
            0x05, 0x00,             // NLM_F_REQUEST | NLM_F_ACK
            4, 3, 2, 1,             // nlmsg_seq
            0, 0, 0, 0,             // nlmsg_pid
            2, 0, 0, 0,             // nfgenmsg: AF_INET, NFNETLINK_V0, res_id 0
            8, 0, 8, 0, 0x11, 0x22, 0x33, 0x44,     // CTA_MARK, big-endian
            5, 0, 7, 0, 0xAB, 0, 0, 0,              // u8 and its padding
        ];
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void WritesTheNfgenmsgVersionItIsGiven()
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(CtGet, NetlinkMessageFlags.NLM_F_REQUEST, 1, AddressFamilies.AF_INET6, resourceId: 0x0102, version: 1);
        writer.EndMessage();

        Assert.Equal(new byte[] { 10, 1, 0x01, 0x02 }, writer.WrittenSpan[16..20].ToArray()); // AF_INET6, version 1, res_id big-endian
    }

    [Fact]
    public void NestedScopesPatchTheirLength()
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(CtGet, NetlinkMessageFlags.NLM_F_REQUEST, 1, AddressFamilies.AF_INET);
        using (writer.BeginNested((ushort)CtattrType.CTA_TUPLE_ORIG))
        {
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_IP))
            {
                writer.PutBytes((ushort)CtattrIp.CTA_IP_V4_SRC, [192, 0, 2, 1]);
                writer.PutBytes((ushort)CtattrIp.CTA_IP_V4_DST, [198, 51, 100, 7]);
            }

            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
            {
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, IpProtocols.IPPROTO_TCP);
            }
        }

        writer.EndMessage();

        byte[] bytes = writer.WrittenSpan.ToArray();
        byte[] attributes = bytes[20..];
        byte[] expected =
        [
            36, 0, 0x01, 0x80,              // CTA_TUPLE_ORIG | NLA_F_NESTED, 4 + 20 + 12
            20, 0, 0x01, 0x80,              // CTA_TUPLE_IP | NLA_F_NESTED
            8, 0, 1, 0, 192, 0, 2, 1,
            8, 0, 2, 0, 198, 51, 100, 7,
            12, 0, 0x02, 0x80,              // CTA_TUPLE_PROTO | NLA_F_NESTED, inner padding included
            5, 0, 1, 0, 6, 0, 0, 0,
        ];
        Assert.Equal(expected, attributes);
        Assert.Equal(56, BitConverter.ToInt32(bytes));
    }

    [Fact]
    public void RoundTripsEveryAttributeKind()
    {
        using var writer = new NetlinkWriter(initialCapacity: 16);
        Span<byte> address = stackalloc byte[16];
        IPAddress.Parse("2001:db8::1").TryWriteBytes(address, out _);
        writer.BeginNfMessage(0x0100, NetlinkMessageFlags.NLM_F_REQUEST, 77, AddressFamilies.AF_INET6, resourceId: 0x1234);
        writer.PutByte(1, 200);
        writer.PutUInt16BigEndian(2, 443);
        writer.PutUInt32BigEndian(3, 0xFFFF_0001);
        writer.PutUInt64BigEndian(4, 0x0102_0304_0506_0708);
        writer.PutUInt32HostEndian(5, 0x838);
        writer.PutString(6, "ftp-21");
        writer.PutBytes(7, address);
        IPAddress.Parse("203.0.113.9").TryWriteBytes(writer.PutAttribute(8, 4), out _);
        using (writer.BeginNested(9))
        {
            writer.PutUInt16BigEndian(1, 53);
        }

        writer.PutBytes(10, []);
        writer.EndMessage();

        var message = new NetlinkMessage(writer.WrittenSpan);
        Assert.Equal(77u, message.Sequence);
        NfGenMessage nfgen = message.ReadNfGenMessage();
        Assert.Equal(AddressFamilies.AF_INET6, nfgen.Family);
        Assert.Equal(0x1234, nfgen.ResourceId);
        AttributeReader reader = message.GetNfAttributes();
        Assert.True(reader.Next());
        Assert.Equal(200, reader.GetByte());
        Assert.True(reader.Next());
        Assert.Equal(443, reader.GetUInt16BigEndian());
        Assert.True(reader.Next());
        Assert.Equal(0xFFFF_0001u, reader.GetUInt32BigEndian());
        Assert.True(reader.Next());
        Assert.Equal(0x0102_0304_0506_0708ul, reader.GetUInt64BigEndian());
        Assert.True(reader.Next());
        Assert.Equal(0x838u, reader.GetUInt32HostEndian());
        Assert.True(reader.Next());
        Assert.Equal("ftp-21", reader.GetString());
        Assert.Equal(7, reader.Value.Length);
        Assert.True(reader.Next());
        Assert.Equal(IPAddress.Parse("2001:db8::1"), new IPAddress(reader.GetBytes()));
        Assert.True(reader.Next());
        Assert.Equal(IPAddress.Parse("203.0.113.9"), new IPAddress(reader.GetBytes()));
        Assert.True(reader.Next());
        Assert.True(reader.IsNested);
        AttributeReader nested = reader.GetNested();
        Assert.True(nested.Next());
        Assert.Equal(53, nested.GetUInt16BigEndian());
        Assert.False(nested.Next());
        Assert.True(reader.Next());
        Assert.Equal(10, reader.Type);
        Assert.Equal(0, reader.Value.Length);
        Assert.False(reader.Next());
    }

    [Fact]
    public void BuildsABatchOfMessagesBackToBack()
    {
        using var writer = new NetlinkWriter();
        for (uint i = 0; i < 3; i++)
        {
            writer.BeginNfMessage(CtGet, NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, 100 + i, AddressFamilies.AF_INET);
            writer.PutString(1, new string('x', (int)i + 1));
            writer.EndMessage();
        }

        Assert.Equal(3, writer.MessageCount);
        Assert.Equal(new uint[] { 100, 101, 102 }, Enumerable.Range(0, 3).Select(writer.GetSequence));
        var reader = new NetlinkMessageReader(writer.WrittenSpan);
        int offset = 0;
        for (int i = 0; i < 3; i++)
        {
            Assert.True(reader.Next());
            Assert.Equal(offset, reader.Offset);
            Assert.Equal(100u + (uint)i, reader.Current.Sequence);
            Assert.Equal(writer.GetMessage(i).ToArray(), reader.Current.Bytes.ToArray());
            Assert.Equal(0, reader.Current.Bytes.Length % 4);
            offset += reader.Current.Bytes.Length;
        }

        Assert.False(reader.Next());
        Assert.Equal(writer.Length, offset);
    }

    [Fact]
    public void GrowsPastItsInitialCapacity()
    {
        using var writer = new NetlinkWriter(initialCapacity: 32);
        writer.BeginMessage(0x0100, NetlinkMessageFlags.NLM_F_REQUEST, 1);
        byte[] big = Enumerable.Range(0, 60000).Select(i => (byte)i).ToArray();
        writer.PutBytes(1, big);
        for (int i = 0; i < 1000; i++)
        {
            writer.PutUInt32BigEndian(2, (uint)i);
        }

        writer.EndMessage();

        var message = new NetlinkMessage(writer.WrittenSpan);
        AttributeReader reader = message.GetAttributes(0);
        Assert.True(reader.Next());
        Assert.Equal(big, reader.GetBytes().ToArray());
        int count = 0;
        while (reader.Next())
        {
            Assert.Equal((uint)count++, reader.GetUInt32BigEndian());
        }

        Assert.Equal(1000, count);
    }

    [Fact]
    public void ResetReusesTheBuffer()
    {
        using var writer = new NetlinkWriter();
        writer.BeginMessage(1, NetlinkMessageFlags.NLM_F_REQUEST, 1);
        writer.EndMessage();
        writer.Reset();
        writer.BeginMessage(2, NetlinkMessageFlags.NLM_F_REQUEST, 2);
        writer.EndMessage();

        Assert.Equal(1, writer.MessageCount);
        Assert.Equal(16, writer.Length);
        Assert.Equal(2u, writer.GetSequence(0));
    }

    [Fact]
    public void MisuseIsRejected()
    {
        using var writer = new NetlinkWriter();
        Assert.Throws<InvalidOperationException>(() => writer.PutByte(1, 1));
        Assert.Throws<InvalidOperationException>(() => writer.EndMessage());
        writer.BeginMessage(1, NetlinkMessageFlags.NLM_F_REQUEST, 1);
        Assert.Throws<InvalidOperationException>(() => writer.BeginMessage(1, NetlinkMessageFlags.NLM_F_REQUEST, 2));
        Assert.Throws<InvalidOperationException>(() => writer.WrittenSpan.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.PutBytes(1, new byte[65532]));
        writer.BeginNested(3);
        Assert.Throws<InvalidOperationException>(() => writer.EndMessage());
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.GetSequence(0));
    }

    [Fact]
    public void NestedScopesMustCloseInnermostFirst()
    {
        using var writer = new NetlinkWriter();
        writer.BeginMessage(1, NetlinkMessageFlags.NLM_F_REQUEST, 1);
        NestedAttributeScope outer = writer.BeginNested(1);
        NestedAttributeScope inner = writer.BeginNested(2);
        bool threw = false;
        try
        {
            outer.Dispose();
        }
        catch (InvalidOperationException)
        {
            threw = true;
        }

        Assert.True(threw);
        inner.Dispose();
        outer.Dispose();
        writer.EndMessage();
    }

    [Fact]
    public void DisposedWriterRefusesWork()
    {
        var writer = new NetlinkWriter();
        writer.Dispose();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.BeginMessage(1, NetlinkMessageFlags.NLM_F_REQUEST, 1));
    }
}
