using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkDumpTests
{
    private readonly FakeNetlinkSocket _socket = new();

    [Fact]
    public void StreamsEveryPartUntilDone()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 300);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(Entry(sequence, 1), Entry(sequence, 2)));
        _socket.Enqueue(Entry(sequence, 3), sender: 4444);                       // not from the kernel
        _socket.Enqueue(Datagram(Entry(sequence + 1, 99), Entry(sequence, 3)));   // another sequence, then ours
        _socket.Enqueue(Datagram(Entry(sequence, 4), Done(sequence)));

        using NetlinkDump dump = connection.Dump(request);
        var marks = new List<uint>();
        while (dump.MoveNext())
        {
            marks.Add(Mark(dump.Current));
        }

        Assert.Equal(request, Assert.Single(_socket.Sent));
        Assert.Equal(new uint[] { 1, 2, 3, 4 }, marks);
        Assert.False(dump.Interrupted);
        Assert.True(dump.IsCompleted);
        Assert.False(dump.MoveNext());
        Assert.Throws<InvalidOperationException>(() => { _ = dump.Current; });
    }

    [Fact]
    public void DumpRequestBytesAreExact()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 0x0A0B0C0D);
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(Requests.CtGet, Requests.RequestDump, connection.NextSequence(), AddressFamilies.AF_UNSPEC);
        writer.EndMessage();
        _socket.Enqueue(Done(0x0A0B0C0D));

        using NetlinkDump dump = connection.Dump(writer.WrittenSpan);

        Assert.False(dump.MoveNext());
        Assert.Equal(new byte[] { 20, 0, 0, 0, 1, 1, 1, 3, 0x0D, 0x0C, 0x0B, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0 }, _socket.Sent[0]);
    }

    [Fact]
    public void DumpInterruptedIsSurfaced()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(
            Entry(sequence, 1),
            Entry(sequence, 2, NetlinkMessageFlags.NLM_F_MULTI | NetlinkMessageFlags.NLM_F_DUMP_INTR),
            Done(sequence)));

        using NetlinkDump dump = connection.Dump(request);
        int count = 0;
        while (dump.MoveNext())
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.True(dump.Interrupted);
    }

    [Fact]
    public void InterruptFlagOnDoneAloneCounts()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Done(sequence, flags: NetlinkMessageFlags.NLM_F_MULTI | NetlinkMessageFlags.NLM_F_DUMP_INTR));

        using NetlinkDump dump = connection.Dump(request);

        Assert.False(dump.MoveNext());
        Assert.True(dump.Interrupted);
    }

    [Fact]
    public void ErrorInsideTheDumpThrows()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(Entry(sequence, 1), Ack(sequence, (int)Errno.EINVAL, "CTA_FILTER not supported")));

        using NetlinkDump dump = connection.Dump(request);

        Assert.True(dump.MoveNext());
        NetlinkException exception = Assert.Throws<NetlinkException>(() => dump.MoveNext());
        Assert.Equal((int)Errno.EINVAL, exception.Errno);
        Assert.Equal("CTA_FILTER not supported", exception.ExtendedAckMessage);
        Assert.True(dump.IsCompleted);
        Assert.False(dump.MoveNext());
    }

    [Fact]
    public void DoneWithAnErrnoThrows()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Done(sequence, (int)Errno.ENOMEM, "dump failed"));

        using NetlinkDump dump = connection.Dump(request);

        NetlinkException exception = Assert.Throws<NetlinkException>(() => dump.MoveNext());
        Assert.Equal((int)Errno.ENOMEM, exception.Errno);
        Assert.Equal("dump failed", exception.ExtendedAckMessage);
    }

    [Fact]
    public void AReceiveQueueOverrunEndsTheDumpWithEnobufs()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.EnqueueError((int)Errno.ENOBUFS);
        _socket.Enqueue(Done(sequence));

        NetlinkDump dump = connection.Dump(request);

        Assert.True(dump.MoveNext());
        Assert.Equal((int)Errno.ENOBUFS, Assert.Throws<NetlinkException>(() => dump.MoveNext()).Errno);

        // Entries were lost, but the kernel goes on with the dump: disposing reads it to its end.
        dump.Dispose();
        Assert.True(dump.IsCompleted);
        Assert.Equal(0, _socket.QueuedReplies);
    }

    [Fact]
    public void AnOverrunMessageEndsTheDump()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(Entry(sequence, 1), Message(NetlinkMessageTypes.NLMSG_OVERRUN, 0, sequence, 0, [])));

        using NetlinkDump dump = connection.Dump(request);

        Assert.True(dump.MoveNext());
        Assert.Equal((int)Errno.ENOBUFS, Assert.Throws<NetlinkException>(() => dump.MoveNext()).Errno);
        Assert.True(dump.IsCompleted);
        Assert.False(dump.MoveNext());
    }

    [Fact]
    public void DisposingAnUnfinishedDumpDrainsIt()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));
        _socket.Enqueue(Done(sequence));

        NetlinkDump dump = connection.Dump(request);
        Assert.True(dump.MoveNext());
        dump.Dispose();

        Assert.Equal(0, _socket.QueuedReplies);
        Assert.True(dump.IsCompleted);
        byte[] next = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out uint nextSequence);
        _socket.Enqueue(Ack(nextSequence));
        Assert.True(connection.Transact(next).IsSuccess);
    }

    [Fact]
    public void StartingAnotherExchangeDrainsAndInvalidatesTheDump()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(Entry(sequence, 1), Entry(sequence, 2)));
        _socket.Enqueue(Done(sequence));
        NetlinkDump dump = connection.Dump(request);
        Assert.True(dump.MoveNext());

        byte[] next = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out uint nextSequence);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(nextSequence))];
        Assert.True(connection.Transact(next).IsSuccess);

        Assert.True(dump.IsCompleted);
        Assert.False(dump.MoveNext());
        Assert.Throws<InvalidOperationException>(() => { _ = dump.Current; });
    }

    [Fact]
    public void AnotherDumpMakesTheOldCursorThrowIfItWasAlreadyDrained()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] first = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint firstSequence);
        byte[] second = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint secondSequence);
        _socket.Enqueue(Datagram(Entry(firstSequence, 1), Done(firstSequence)));
        _socket.Enqueue(Datagram(Entry(secondSequence, 2), Done(secondSequence)));

        NetlinkDump a = connection.Dump(first);
        NetlinkDump b = connection.Dump(second);

        Assert.True(b.MoveNext());
        Assert.Equal(2u, Mark(b.Current));
        Assert.False(a.MoveNext());
    }

    [Fact]
    public void DumpRequestsNeedTheDumpFlags()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out _);

        Assert.Throws<ArgumentException>(() => connection.Dump(request));
    }

    private static byte[] Entry(uint sequence, uint mark, NetlinkMessageFlags flags = NetlinkMessageFlags.NLM_F_MULTI) =>
        Data(Requests.CtNew, sequence, flags, attributes: Attribute((ushort)CtattrType.CTA_MARK, U32BigEndian(mark)));

    private static uint Mark(NetlinkMessage message)
    {
        AttributeReader reader = message.GetNfAttributes();
        while (reader.Next())
        {
            if ((CtattrType)reader.Type == CtattrType.CTA_MARK)
            {
                return reader.GetUInt32BigEndian();
            }
        }

        throw new InvalidOperationException("no mark");
    }
}
