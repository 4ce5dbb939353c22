using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// <see cref="DumpedEntry"/>: the entry read in place when first asked for, the same view after,
/// and a message the view declines left to the decoder.
/// </summary>
public sealed class DumpedEntryTests
{
    [Fact]
    public void An_entry_reads_in_place_as_the_decoded_flow_has_it()
    {
        foreach (byte[] message in CapturedMessages.MixedEntries)
        {
            var entry = new DumpedEntry(new NetlinkMessage(message));

            Assert.True(entry.HasView);
            Assert.True(entry.HasView);
            FlowAssert.Equal(FlowDecoder.Decode(entry.Message), entry.View);
        }
    }

    [Fact]
    public void An_entry_the_view_declines_is_left_to_the_decoder()
    {
        // An attribute that runs past the message's end: the view declines, the decoder says why.
        byte[] broken = [.. CapturedMessages.Udp];
        broken[NetlinkMessageHeader.Size + NfGenMessage.Size] = 0xff;
        var entry = new DumpedEntry(new NetlinkMessage(broken));

        Assert.False(entry.HasView);
        // Not Assert.Throws: a lambda cannot capture a ref struct.
        try
        {
            _ = entry.View;
            Assert.Fail("a declined entry gave a view");
        }
        catch (InvalidOperationException)
        {
        }
        Assert.Throws<NetlinkDecodeException>(() => FlowDecoder.Decode(new NetlinkMessage(broken)));
        Assert.Equal(broken, entry.Message.Bytes.ToArray());
    }
}
