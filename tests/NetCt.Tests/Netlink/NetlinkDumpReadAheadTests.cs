using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

/// <summary>
/// A dump with read-ahead receives on its own thread: the same messages, order, errors and
/// interruption as a plain dump, at most a fixed number of datagrams ahead, and a thread that is
/// gone before the socket is closed.
/// </summary>
public sealed class NetlinkDumpReadAheadTests
{
    private const int Ahead = 3;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeNetlinkSocket _socket = new();

    [Fact]
    public void StreamsEveryPartInOrderAcrossManyDatagrams()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 300);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        uint mark = 0;
        for (int i = 0; i < 40; i++)
        {
            _socket.Enqueue(Datagram(Entry(sequence, ++mark), Entry(sequence, ++mark)));
            if (i % 10 == 3)
            {
                _socket.Enqueue(Entry(sequence, 999), sender: 4444);                    // not from the kernel
                _socket.Enqueue(Datagram(Entry(sequence + 1, 998), Entry(sequence, ++mark))); // another sequence, then ours
            }
        }

        _socket.Enqueue(Datagram(Entry(sequence, ++mark), Done(sequence)));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        var marks = new List<uint>();
        while (dump.MoveNext())
        {
            marks.Add(Mark(dump.Current));
        }

        Assert.Equal(Enumerable.Range(1, (int)mark).Select(m => (uint)m), marks);
        Assert.True(dump.IsCompleted);
        Assert.False(dump.Interrupted);
        Assert.Null(dump.ReadAhead);
        Assert.Equal(1, _socket.PeekCount);    // the thread reads without peeking first
        Assert.False(dump.MoveNext());
        Assert.Throws<InvalidOperationException>(() => { _ = dump.Current; });
    }

    [Fact]
    public void ADumpThatFitsOneDatagramStartsNoThread()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Datagram(Entry(sequence, 1), Entry(sequence, 2), Done(sequence)));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);

        Assert.True(dump.MoveNext());
        Assert.Null(dump.ReadAhead);
        Assert.True(dump.MoveNext());
        Assert.False(dump.MoveNext());
    }

    [Fact]
    public void ReadsAtMostTheGivenNumberOfDatagramsAhead()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        const int Datagrams = 20;
        for (uint i = 1; i <= Datagrams; i++)
        {
            _socket.Enqueue(Entry(sequence, i));
        }

        _socket.Enqueue(Done(sequence));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        Assert.True(dump.MoveNext());
        Assert.NotNull(dump.ReadAhead);

        int expectedQueued = Datagrams + 1 - 1 - Ahead;
        Assert.True(SpinWait.SpinUntil(() => _socket.QueuedReplies == expectedQueued, Patience));
        Thread.Sleep(50);
        Assert.Equal(expectedQueued, _socket.QueuedReplies);

        Assert.True(dump.MoveNext());
        Assert.Equal(2u, Mark(dump.Current));
        Assert.True(SpinWait.SpinUntil(() => _socket.QueuedReplies == expectedQueued - 1, Patience));
        Thread.Sleep(50);
        Assert.Equal(expectedQueued - 1, _socket.QueuedReplies);

        int rest = 0;
        while (dump.MoveNext())
        {
            rest++;
        }

        Assert.Equal(Datagrams - 2, rest);
        Assert.Equal(0, _socket.QueuedReplies);
    }

    [Fact]
    public void InterruptionIsSurfaced()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));
        _socket.Enqueue(Entry(sequence, 3, NetlinkMessageFlags.NLM_F_MULTI | NetlinkMessageFlags.NLM_F_DUMP_INTR));
        _socket.Enqueue(Done(sequence));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        int count = 0;
        while (dump.MoveNext())
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.True(dump.Interrupted);
    }

    [Fact]
    public void AnErrorThatEndsTheDumpIsThrownAfterTheEntriesBeforeIt()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));
        _socket.Enqueue(Datagram(Entry(sequence, 3), Ack(sequence, (int)Errno.EINVAL, "CTA_FILTER not supported")));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);

        Assert.True(dump.MoveNext());
        Assert.True(dump.MoveNext());
        Assert.True(dump.MoveNext());
        Assert.Equal(3u, Mark(dump.Current));
        NetlinkException exception = Assert.Throws<NetlinkException>(() => dump.MoveNext());
        Assert.Equal((int)Errno.EINVAL, exception.Errno);
        Assert.Equal("CTA_FILTER not supported", exception.ExtendedAckMessage);
        Assert.True(dump.IsCompleted);
        Assert.Null(dump.ReadAhead);
        Assert.False(dump.MoveNext());
    }

    [Fact]
    public void DoneWithAnErrnoThrows()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Done(sequence, (int)Errno.ENOMEM, "dump failed"));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);

        Assert.True(dump.MoveNext());
        NetlinkException exception = Assert.Throws<NetlinkException>(() => dump.MoveNext());
        Assert.Equal((int)Errno.ENOMEM, exception.Errno);
        Assert.Equal("dump failed", exception.ExtendedAckMessage);
    }

    [Fact]
    public void AReceiveErrorOnTheThreadIsThrownToTheReaderAfterTheDatagramsBeforeIt()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));
        _socket.Enqueue(Entry(sequence, 3));
        _socket.EnqueueError((int)Errno.ENOBUFS);

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        var marks = new List<uint>();
        NetlinkException exception = Assert.Throws<NetlinkException>(() =>
        {
            while (dump.MoveNext())
            {
                marks.Add(Mark(dump.Current));
            }
        });

        Assert.Equal([1u, 2u, 3u], marks);
        Assert.Equal((int)Errno.ENOBUFS, exception.Errno);
        Assert.True(dump.IsCompleted);
        Assert.Null(dump.ReadAhead);
    }

    [Fact]
    public void ADatagramLargerThanTheBuffersIsReportedNotHalfRead()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        byte[] huge = Data(Requests.CtNew, sequence, attributes: Attribute((ushort)CtattrType.CTA_LABELS, new byte[60 * 1024]));
        _socket.Enqueue(Datagram(huge, huge));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);

        Assert.True(dump.MoveNext());
        Assert.Throws<NetlinkDecodeException>(() => dump.MoveNext());
        Assert.True(dump.IsCompleted);
    }

    [Fact]
    public void DisposingAnUnfinishedDumpDrainsItAndTheConnectionServesTheNextRequest()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        for (uint i = 1; i <= 12; i++)
        {
            _socket.Enqueue(Entry(sequence, i));
        }

        _socket.Enqueue(Done(sequence));

        NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        Assert.True(dump.MoveNext());
        Assert.True(dump.MoveNext());
        dump.Dispose();

        Assert.Equal(0, _socket.QueuedReplies);
        Assert.True(dump.IsCompleted);
        Assert.Null(dump.ReadAhead);
        byte[] next = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out uint nextSequence);
        _socket.Enqueue(Ack(nextSequence));
        Assert.True(connection.Transact(next).IsSuccess);
    }

    [Fact]
    public void DisposingTheConnectionStopsTheThreadBeforeClosingTheSocket()
    {
        var socket = new ClosingWatchSocket(_socket);
        var connection = new NetlinkConnection(socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        for (uint i = 1; i <= 12; i++)
        {
            _socket.Enqueue(Entry(sequence, i));
        }

        // No NLMSG_DONE: the thread is left waiting for the kernel, then for room to read ahead.
        NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        Assert.True(dump.MoveNext());
        Assert.True(SpinWait.SpinUntil(() => _socket.QueuedReplies == 12 - 1 - Ahead, Patience));

        connection.Dispose();

        Assert.True(_socket.Disposed);
        Assert.False(socket.UsedAfterDispose);
        Assert.Equal(12 - 1 - Ahead, _socket.QueuedReplies);
        Assert.Null(dump.ReadAhead);
        dump.Dispose();
    }

    [Fact]
    public void AThreadWaitingForAnEmptySocketIsStoppedByDispose()
    {
        var socket = new ClosingWatchSocket(_socket);
        var connection = new NetlinkConnection(socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));

        NetlinkDump dump = connection.Dump(request, readAheadDatagrams: Ahead);
        Assert.True(dump.MoveNext());
        Assert.True(dump.MoveNext());
        Assert.True(SpinWait.SpinUntil(() => socket.EmptyPolls > 0, Patience));

        connection.Dispose();

        Assert.True(_socket.Disposed);
        Assert.False(socket.UsedAfterDispose);
    }

    [Fact]
    public async Task ADatagramArrivingWhileTheReaderSleepsIsHandedOverWithoutWaitingForMore()
    {
        // The reader, once it has caught up, sleeps until a batch of datagrams is queued; a single
        // one that the kernel is slow to follow must still reach it.
        var socket = new ClosingWatchSocket(_socket);
        using var connection = new NetlinkConnection(socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));
        _socket.Enqueue(Entry(sequence, 2));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: 8);
        Assert.True(dump.MoveNext());
        Assert.True(dump.MoveNext());
        Task<uint> third = Task.Run(() => dump.MoveNext() ? Mark(dump.Current) : 0);
        Assert.True(SpinWait.SpinUntil(() => socket.EmptyPolls > 1, Patience));
        _socket.Enqueue(Entry(sequence, 3));

        Assert.Equal(3u, await third.WaitAsync(Patience)); // a TimeoutException: the reader was not woken for one datagram
        _socket.Enqueue(Done(sequence));
    }

    [Fact]
    public void ABufferTheReaderGivesBackIsTheNextOneFilled()
    {
        // Datagrams that arrive one at a time, each taken before the next comes: the receiver
        // goes round the same few buffers (still in the cache) instead of through all 9 the
        // read-ahead of 8 allows, and never allocates the others.
        var socket = new ClosingWatchSocket(_socket);
        using var connection = new NetlinkConnection(socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint sequence);
        _socket.Enqueue(Entry(sequence, 1));

        using NetlinkDump dump = connection.Dump(request, readAheadDatagrams: 8);
        for (uint mark = 1; mark <= 30; mark++)
        {
            if (mark > 1)
            {
                _socket.Enqueue(Entry(sequence, mark));
            }

            Assert.True(dump.MoveNext());
            Assert.Equal(mark, Mark(dump.Current));
        }

        _socket.Enqueue(Done(sequence));
        Assert.False(dump.MoveNext());

        // The one the reader holds, the one being filled, and at most one more while the reader
        // has not yet given its last back.
        Assert.InRange(socket.ReadAheadBuffersReceivedInto, 2, 3);
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

    /// <summary>Passes through to a fake socket and records any use after it was disposed.</summary>
    private sealed class ClosingWatchSocket(FakeNetlinkSocket inner) : INetlinkSocket
    {
        private volatile bool _disposed;

        public bool UsedAfterDispose { get; private set; }

        public int EmptyPolls { get; private set; }

        private readonly HashSet<nint> _buffers = [];

        /// <summary>How many different read-ahead buffers were received into.</summary>
        public int ReadAheadBuffersReceivedInto
        {
            get
            {
                lock (_buffers)
                {
                    return _buffers.Count;
                }
            }
        }

        public uint PortId => inner.PortId;

        public int ReceiveBufferSize => inner.ReceiveBufferSize;

        public void Send(ReadOnlySpan<byte> datagram) => inner.Send(datagram);

        public unsafe int Receive(Span<byte> buffer, NetlinkReceiveFlags flags, out uint senderPortId)
        {
            UsedAfterDispose |= _disposed;
            // Only the read-ahead receives into a whole buffer of its size (the connection peeks
            // with no room, then receives into its own, movable buffer); its buffers are pinned,
            // so an address names one.
            if (buffer.Length == DumpReadAhead.BufferSize)
            {
                lock (_buffers)
                {
                    _buffers.Add((nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer)));
                }
            }

            return inner.Receive(buffer, flags, out senderPortId);
        }

        public bool WaitForReceive(int timeoutMilliseconds)
        {
            UsedAfterDispose |= _disposed;
            EmptyPolls++;
            return inner.WaitForReceive(timeoutMilliseconds);
        }

        public void SetReceiveBufferSize(int bytes) => inner.SetReceiveBufferSize(bytes);

        public void JoinGroup(uint group) => inner.JoinGroup(group);

        public void LeaveGroup(uint group) => inner.LeaveGroup(group);

        public void Dispose()
        {
            _disposed = true;
            inner.Dispose();
        }
    }
}
