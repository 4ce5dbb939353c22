using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// <see cref="FlowView"/>'s values against the <see cref="Flow"/> that <see cref="FlowDecoder"/>
/// makes of the same captured message, property by property (the printed line is compared in
/// Output/MessagePrintingTests), and what a default view reads.
/// </summary>
public sealed class FlowViewTests
{
    [Fact]
    public void Every_value_reads_as_the_decoded_flow_has_it()
    {
        foreach (byte[] message in CapturedMessages.MixedEntries)
        {
            Flow flow = FlowDecoder.Decode(new NetlinkMessage(message));
            Assert.True(FlowView.TryRead(new NetlinkMessage(message), out FlowView view));

            FlowAssert.Equal(flow, view);
        }
    }

    [Fact]
    public void A_default_view_reads_as_an_entry_with_nothing_in_it()
    {
        FlowView view = default;

        Assert.Equal(IpFamily.Unspecified, view.Family);
        Assert.False(view.Original.IsPresent);
        Assert.True(view.Reply.Source.IsEmpty);
        Assert.Null(view.Original.Protocol);
        Assert.Null(view.Status);
        Assert.Null(view.OriginalCounters);
        Assert.Null(view.Timestamps);
        Assert.False(view.HasLabels);
        Assert.True(view.Labels.IsEmpty);
        Assert.False(default(FlowTupleView).IsPresent);
        Assert.Null(default(FlowTupleView).SourcePort);
        Assert.True(default(FlowTupleView).Destination.IsEmpty);
    }

    [Fact]
    public void A_declined_message_leaves_a_default_view()
    {
        byte[] message = (byte[])CapturedMessages.Udp.Clone();
        message[20] = 3; // the first attribute's nla_len, shorter than its own header

        Assert.False(FlowView.TryRead(new NetlinkMessage(message), out FlowView view));
        Assert.False(view.Original.IsPresent);
        Assert.Null(view.Id);
    }
}
