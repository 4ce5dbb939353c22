using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// The view copies the offsets of an entry whose layout it has walked before
/// (<see cref="FlowLayoutCache"/>): each test reads messages in an order that would make a wrong
/// copy show, and checks every value against the decoded <see cref="Flow"/>.
/// </summary>
public sealed class FlowLayoutCacheTests
{
    [Fact]
    public void Entries_of_one_layout_read_their_own_values()
    {
        // Every captured entry twice over: the second round reads from the cache only.
        foreach (byte[] message in CapturedMessages.MixedEntries.Concat(CapturedMessages.MixedEntries.Reverse()))
            AssertReadsAsDecoded(message);
    }

    [Fact]
    public void A_message_of_the_same_length_with_another_header_is_walked()
    {
        // Same length, same offsets; the second has a mark where the first has a secmark.
        byte[] first = Entry(writer => writer.PutUInt32BigEndian((ushort)CtattrType.CTA_SECMARK, 7));
        byte[] second = Entry(writer => writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, 7));
        Assert.Equal(first.Length, second.Length);

        AssertReadsAsDecoded(first);
        AssertReadsAsDecoded(second);
        Assert.True(FlowView.TryRead(new NetlinkMessage(second), out FlowView view));
        Assert.Equal(7u, view.Mark);
        Assert.Null(view.Secmark);
    }

    [Fact]
    public void A_value_too_short_in_a_message_of_the_same_length_is_declined()
    {
        // The same headers but for one length: a two-byte mark, which the decoder rejects.
        byte[] valid = Entry(writer => writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, 7));
        byte[] tooShort = Entry(writer => writer.PutBytes((ushort)CtattrType.CTA_MARK, [0, 7, 0, 0]));
        tooShort[^16] = 6; // the mark's nla_len 6: two bytes of value, then padding

        AssertReadsAsDecoded(valid);
        Assert.False(FlowView.TryRead(new NetlinkMessage(tooShort), out _));
        Assert.ThrowsAny<NetlinkDecodeException>(() => FlowDecoder.Decode(new NetlinkMessage(tooShort)));
    }

    [Fact]
    public void Names_are_read_again_from_every_message()
    {
        // The same headers, names of other lengths inside the same attribute length.
        byte[] longer = Entry(writer => Helper(writer, [.. "ftp-data"u8, 0]));
        byte[] shorter = Entry(writer => Helper(writer, [.. "ftp"u8, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(longer.Length, shorter.Length);

        AssertReadsAsDecoded(longer);
        AssertReadsAsDecoded(shorter);
        Assert.True(FlowView.TryRead(new NetlinkMessage(shorter), out FlowView view));
        Assert.Equal("ftp"u8.ToArray(), view.Helper.ToArray());
    }

    [Fact]
    public void More_layouts_than_the_cache_holds_keep_reading_right()
    {
        // 40 layouts (a zone, a mark or both, and up to 9 unknown attributes), in rounds.
        var messages = new List<byte[]>();
        for (int unknown = 0; unknown < 10; unknown++)
        {
            int count = unknown;
            messages.Add(Entry(writer => Unknown(writer, count)));
            messages.Add(Entry(writer => { Unknown(writer, count); writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, 3); }));
            messages.Add(Entry(writer => { Unknown(writer, count); writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, 9); }));
            messages.Add(Entry(writer => { writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, 9); Unknown(writer, count); }));
        }
        for (int round = 0; round < 3; round++)
        {
            foreach (byte[] message in messages)
                AssertReadsAsDecoded(message);
        }
    }

    [Fact]
    public void An_entry_with_more_headers_than_are_noted_reads_right_twice()
    {
        byte[] message = Entry(writer => Unknown(writer, 80));

        AssertReadsAsDecoded(message);
        AssertReadsAsDecoded(message);
    }

    private static void AssertReadsAsDecoded(byte[] message)
    {
        Flow flow = FlowDecoder.Decode(new NetlinkMessage(message));
        Assert.True(FlowView.TryRead(new NetlinkMessage(message), out FlowView view));
        FlowAssert.Equal(flow, view);
    }

    private static void Helper(NetlinkWriter writer, byte[] name)
    {
        using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
            writer.PutBytes((ushort)CtattrHelp.CTA_HELP_NAME, name);
    }

    // Attributes of a type the decoder skips.
    private static void Unknown(NetlinkWriter writer, int count)
    {
        for (int i = 0; i < count; i++)
            writer.PutUInt32BigEndian(60, (uint)i);
    }

    private static byte[] Entry(Action<NetlinkWriter> rest)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)CntlMsgTypes.IPCTNL_MSG_CT_NEW), 0, 1, 2);
        using (writer.BeginNested((ushort)CtattrType.CTA_TUPLE_ORIG))
        {
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_IP))
            {
                writer.PutBytes((ushort)CtattrIp.CTA_IP_V4_SRC, [192, 0, 2, 1]);
                writer.PutBytes((ushort)CtattrIp.CTA_IP_V4_DST, [198, 51, 100, 2]);
            }
            using (writer.BeginNested((ushort)CtattrTuple.CTA_TUPLE_PROTO))
                writer.PutByte((ushort)CtattrL4proto.CTA_PROTO_NUM, 17);
        }
        rest(writer);
        writer.PutUInt32BigEndian((ushort)CtattrType.CTA_USE, 1);
        writer.EndMessage();
        return writer.WrittenSpan.ToArray();
    }
}
