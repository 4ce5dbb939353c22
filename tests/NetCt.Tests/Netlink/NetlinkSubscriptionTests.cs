using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkSubscriptionTests
{
    private readonly FakeNetlinkSocket _socket = new();

    [Fact]
    public void JoinsGroupsAndDeliversEventsOneAtATime()
    {
        using var connection = new NetlinkConnection(_socket);
        _socket.Enqueue(Datagram(Event(1), Event(2)));
        _socket.Enqueue(Event(3));

        using (NetlinkSubscription subscription = connection.Subscribe((uint)NfnetlinkGroups.NFNLGRP_CONNTRACK_NEW, (uint)NfnetlinkGroups.NFNLGRP_CONNTRACK_DESTROY))
        {
            var marks = new List<uint>();
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(NetlinkReceiveResult.Message, subscription.Receive(0));
                marks.Add(Mark(subscription.Current));
            }

            Assert.Equal(new uint[] { 1, 2, 3 }, marks);
            Assert.Equal(NetlinkReceiveResult.Timeout, subscription.Receive(0));
            Assert.Throws<InvalidOperationException>(() => { _ = subscription.Current; });
            Assert.Equal(new uint[] { 1, 3 }, _socket.Joined);
        }

        Assert.Equal(new uint[] { 1, 3 }, _socket.Left);
    }

    [Fact]
    public void AnOverrunIsCountedAndReadingContinues()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);
        _socket.Enqueue(Event(1));
        _socket.EnqueueError((int)Errno.ENOBUFS);
        _socket.Enqueue(Event(2));
        _socket.Enqueue(Message(NetlinkMessageTypes.NLMSG_OVERRUN, 0, 0, 0, []));
        _socket.EnqueueError((int)Errno.ENOBUFS);
        _socket.Enqueue(Event(3));

        Assert.Equal(NetlinkReceiveResult.Message, subscription.Receive(0));
        Assert.Equal(NetlinkReceiveResult.Overrun, subscription.Receive(0));
        Assert.Equal(1, subscription.OverrunCount);
        Assert.Equal(NetlinkReceiveResult.Message, subscription.Receive(0));
        Assert.Equal(2u, Mark(subscription.Current));

        // MoveNext counts overruns and keeps going to the next event.
        Assert.True(subscription.MoveNext());
        Assert.Equal(3u, Mark(subscription.Current));
        Assert.Equal(3, subscription.OverrunCount);
    }

    [Fact]
    public void MessagesFromOtherProcessesAreIgnored()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);
        _socket.Enqueue(Event(1), sender: 5555);
        _socket.Enqueue(Event(2));

        Assert.True(subscription.MoveNext());
        Assert.Equal(2u, Mark(subscription.Current));
        Assert.Equal(0u, subscription.Current.SenderPortId);
    }

    [Fact]
    public void EventsCausedByAProcessKeepItsPortIdInTheHeader()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);
        _socket.Enqueue(Event(1, portId: 9000));

        Assert.True(subscription.MoveNext());
        Assert.Equal(9000u, subscription.Current.Header.PortId);
    }

    [Fact]
    public void MoveNextReturnsFalseOnceCancelled()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);
        subscription.PollIntervalMilliseconds = 10;
        // The watch starts first: on a busy machine the thread may be descheduled between the two.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.False(subscription.MoveNext(cancellation.Token));

        Assert.InRange(watch.ElapsedMilliseconds, 40, 5000);
        Assert.False(subscription.MoveNext(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void ReceiveWithATimeoutReturnsTimeout()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);

        Assert.Equal(NetlinkReceiveResult.Timeout, subscription.Receive(20));
    }

    [Fact]
    public void ControlMessagesAreNotEvents()
    {
        using var connection = new NetlinkConnection(_socket);
        using NetlinkSubscription subscription = connection.Subscribe(1);
        _socket.Enqueue(Datagram(Message(NetlinkMessageTypes.NLMSG_NOOP, 0, 0, 0, []), Event(4)));

        Assert.Equal(NetlinkReceiveResult.Message, subscription.Receive(0));
        Assert.Equal(4u, Mark(subscription.Current));
    }

    private static byte[] Event(uint mark, uint portId = 0) =>
        Data(Requests.CtNew, 0, NetlinkMessageFlags.NLM_F_CREATE, portId, AddressFamilies.AF_INET, Attribute((ushort)CtattrType.CTA_MARK, U32BigEndian(mark)));

    private static uint Mark(NetlinkMessage message)
    {
        AttributeReader reader = message.GetNfAttributes();
        Assert.True(reader.Next());
        return reader.GetUInt32BigEndian();
    }
}
