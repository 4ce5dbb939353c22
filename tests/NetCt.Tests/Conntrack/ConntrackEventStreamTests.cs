using System.Buffers.Binary;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

public sealed class ConntrackEventStreamTests
{
    private const ushort CtNew = 0x0100;
    private const ushort CtDelete = 0x0102;
    private const NetlinkMessageFlags CreateFlags = NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL;

    private readonly FakeKernel _kernel = new();

    [Theory]
    [InlineData(CtNew, CreateFlags, FlowEventType.New)]
    [InlineData(CtNew, NetlinkMessageFlags.NLM_F_CREATE, FlowEventType.New)]
    [InlineData(CtNew, (NetlinkMessageFlags)0, FlowEventType.Update)]
    [InlineData(CtDelete, (NetlinkMessageFlags)0, FlowEventType.Destroy)]
    public void MessageTypeAndFlagsGiveTheEventType(ushort type, NetlinkMessageFlags flags, FlowEventType expected) =>
        Assert.Equal(expected, FlowEventDecoder.TypeOf(type, flags));

    [Theory]
    [InlineData((ushort)0x0101)] // IPCTNL_MSG_CT_GET
    [InlineData((ushort)0x0200)] // IPCTNL_MSG_EXP_NEW: an expectation event, not a flow event
    [InlineData((ushort)0x0003)] // NLMSG_DONE
    public void OtherMessagesAreNoFlowEvents(ushort type) =>
        Assert.Null(FlowEventDecoder.TypeOf(type, CreateFlags));

    [Fact]
    public void ListenJoinsOneGroupPerSelectedTypeAndSizesTheBuffer()
    {
        using (var stream = _kernel.Client().Listen(FlowEventTypes.New | FlowEventTypes.Destroy, receiveBufferSize: 100000))
        {
            Assert.Equal(new uint[] { 1, 3 }, _kernel.Socket.Joined);
            Assert.Equal(200000, stream.ReceiveBufferSize);
        }

        Assert.Equal(new uint[] { 1, 3 }, _kernel.Socket.Left);
        Assert.True(_kernel.Socket.Disposed);
    }

    [Fact]
    public void ListenAsksForTheLargeDefaultBuffer()
    {
        using var stream = _kernel.Client().Listen();
        Assert.Equal(new uint[] { 1, 2, 3 }, _kernel.Socket.Joined);
        Assert.Equal(2 * ConntrackClient.DefaultEventReceiveBufferSize, stream.ReceiveBufferSize);
    }

    [Fact]
    public void ListenRefusesAnEmptySelection() =>
        Assert.Throws<ArgumentException>(() => _kernel.Client().Listen(FlowEventTypes.None));

    [Fact]
    public void EventsCarryTypeEntryAndSender()
    {
        using var stream = _kernel.Client().Listen();
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtNew, CreateFlags, portId: 26625));
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtNew, 0, portId: 0));
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtDelete, 0, portId: 7));

        var created = Assert.IsType<FlowEvent>(stream.Read(0));
        Assert.Equal(FlowEventType.New, created.Type);
        Assert.Equal(26625u, created.SenderPortId);
        Assert.True(created.IsFromUserspace);
        Assert.Equal((ushort)5353, created.Flow.Original!.SourcePort);
        Assert.Equal(IpFamily.IPv4, created.Flow.Family);

        var updated = Assert.IsType<FlowEvent>(stream.Read(0));
        Assert.Equal(FlowEventType.Update, updated.Type);
        Assert.False(updated.IsFromUserspace);

        Assert.Equal(FlowEventType.Destroy, Assert.IsType<FlowEvent>(stream.Read(0)).Type);
        Assert.Null(stream.Read(0));
    }

    [Fact]
    public void OverrunsAreReportedInPlaceWithTheirRunningCountAndReadingGoesOn()
    {
        using var stream = _kernel.Client().Listen();
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtNew, CreateFlags));
        _kernel.Socket.EnqueueError((int)Errno.ENOBUFS);
        _kernel.Socket.EnqueueError((int)Errno.ENOBUFS);
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtDelete, 0));

        Assert.IsType<FlowEvent>(stream.Read(0));
        Assert.Equal(new EventOverrun(1), stream.Read(0));
        Assert.Equal(new EventOverrun(2), stream.Read(0));
        Assert.Equal(FlowEventType.Destroy, Assert.IsType<FlowEvent>(stream.Read(0)).Type);
        Assert.Equal(2, stream.OverrunCount);
    }

    [Fact]
    public void TheFilterSkipsEventsAndAnAbsentMarkCountsAsZero()
    {
        // The kernel leaves a zero mark out of events (DESTROY events especially).
        byte[] unmarkedDestroy = KernelMessages.Data(CtDelete, 0, 0, 0, AddressFamilies.AF_INET);
        byte[] markedDestroy = KernelMessages.Data(CtDelete, 0, 0, 0, AddressFamilies.AF_INET,
            KernelMessages.Attribute((ushort)CtattrType.CTA_MARK, KernelMessages.U32BigEndian(5)));

        using (var markZero = _kernel.Client().Listen(filter: new FlowFilter { Mark = 0 }))
        {
            _kernel.Socket.Enqueue(markedDestroy);
            _kernel.Socket.Enqueue(unmarkedDestroy);
            var shown = Assert.IsType<FlowEvent>(markZero.Read(0));
            Assert.Null(shown.Flow.Mark);
            Assert.Null(markZero.Read(0));
        }

        var kernel = new FakeKernel();
        using var markFive = kernel.Client().Listen(filter: new FlowFilter { Mark = 5 });
        kernel.Socket.Enqueue(unmarkedDestroy);
        kernel.Socket.Enqueue(markedDestroy);
        Assert.Equal(5u, Assert.IsType<FlowEvent>(markFive.Read(0)).Flow.Mark);
    }

    [Fact]
    public void TheFamilyFilterUsesTheEventsNfgenFamily()
    {
        using var stream = _kernel.Client().Listen(filter: new FlowFilter { Family = IpFamily.IPv6 });
        _kernel.Socket.Enqueue(KernelMessages.Data(CtNew, 0, CreateFlags, 0, AddressFamilies.AF_INET));
        _kernel.Socket.Enqueue(KernelMessages.Data(CtNew, 0, CreateFlags, 0, AddressFamilies.AF_INET6));
        Assert.Equal(IpFamily.IPv6, Assert.IsType<FlowEvent>(stream.Read(0)).Flow.Family);
        Assert.Null(stream.Read(0));
    }

    [Fact]
    public void ReadAllEndsWhenCancelled()
    {
        using var stream = _kernel.Client().Listen();
        stream.PollIntervalMilliseconds = 1;
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtNew, CreateFlags));
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtDelete, 0));
        using var cancel = new CancellationTokenSource();

        var seen = new List<FlowEventType>();
        foreach (var notification in stream.ReadAll(cancel.Token))
        {
            seen.Add(((FlowEvent)notification).Type);
            if (seen.Count == 2)
                cancel.Cancel();
        }

        Assert.Equal([FlowEventType.New, FlowEventType.Destroy], seen);
    }

    [Fact]
    public async Task ReadAllAsyncDeliversQueuedEventsAndEndsWhenCancelled()
    {
        using var stream = _kernel.Client().Listen();
        stream.PollIntervalMilliseconds = 1;
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtNew, CreateFlags));
        _kernel.Socket.EnqueueError((int)Errno.ENOBUFS);
        using var cancel = new CancellationTokenSource();

        var seen = new List<ConntrackNotification>();
        await foreach (var notification in stream.ReadAllAsync(cancel.Token))
        {
            seen.Add(notification);
            if (seen.Count == 2)
                cancel.CancelAfter(20);
        }

        Assert.IsType<FlowEvent>(seen[0]);
        Assert.Equal(new EventOverrun(1), seen[1]);
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void AnEventThatDoesNotDecodeIsReportedAndSkipped()
    {
        using var stream = _kernel.Client().Listen();
        byte[] broken = Event(CapturedMessages.Udp, CtNew, CreateFlags);
        // The first attribute (after nlmsghdr and nfgenmsg) claims to run far past the message.
        BinaryPrimitives.WriteUInt16LittleEndian(broken.AsSpan(20), 0xfff0);
        _kernel.Socket.Enqueue(broken);
        _kernel.Socket.Enqueue(Event(CapturedMessages.Udp, CtDelete, 0));

        Assert.IsType<UndecodableEvent>(stream.Read(0));
        Assert.Equal(FlowEventType.Destroy, Assert.IsType<FlowEvent>(stream.Read(0)).Type);
        Assert.Null(stream.Read(0));
    }

    // A captured dump message turned into an event: the kernel sends events with sequence 0 and the
    // causing process's port id in nlmsg_pid.
    private static byte[] Event(byte[] captured, ushort type, NetlinkMessageFlags flags, uint portId = 0)
    {
        byte[] message = (byte[])captured.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(6), (ushort)flags);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(12), portId);
        return message;
    }
}
