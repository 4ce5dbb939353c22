using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkRequestTests
{
    private readonly FakeNetlinkSocket _socket = new();

    [Fact]
    public void SendsTheExactRequestAndReturnsTheAck()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1000);
        byte[] request = Requests.Build(connection, Requests.CtNew, Requests.RequestAck | NetlinkMessageFlags.NLM_F_CREATE, out uint sequence, mark: 0x2A);
        _socket.Enqueue(Ack(sequence));

        NetlinkAck ack = connection.Transact(request);

        Assert.Equal(1000u, sequence);
        byte[] sent = Assert.Single(_socket.Sent);
        Assert.Equal(
            [
                28, 0, 0, 0, 0x00, 0x01, 0x05, 0x04, 0xE8, 0x03, 0, 0, 0, 0, 0, 0,
                2, 0, 0, 0,
                8, 0, 8, 0, 0, 0, 0, 0x2A,
            ],
            sent);
        Assert.True(ack.IsSuccess);
        Assert.Equal(sequence, ack.Sequence);
    }

    [Fact]
    public void DataBeforeTheAckGoesToTheCaller()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 5);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out uint sequence);
        _socket.Enqueue(Data(Requests.CtNew, sequence, 0, attributes: Attribute(8, U32BigEndian(77))));
        _socket.Enqueue(Ack(sequence));
        var marks = new List<uint>();

        connection.Execute(request, message =>
        {
            AttributeReader reader = message.GetNfAttributes();
            while (reader.Next())
            {
                marks.Add(reader.GetUInt32BigEndian());
            }
        });

        Assert.Equal(new uint[] { 77 }, marks);
    }

    [Fact]
    public void ErrorsBecomeNetlinkExceptionsWithTheExtendedAck()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 5);
        byte[] request = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out uint sequence);
        _socket.Enqueue(Ack(sequence, (int)Errno.ENOENT, "no such conntrack"));

        NetlinkException exception = Assert.Throws<NetlinkException>(() => connection.Execute(request));

        Assert.Equal(2, exception.Errno);
        Assert.Equal("ENOENT", exception.ErrnoName);
        Assert.Equal("no such conntrack", exception.ExtendedAckMessage);
    }

    [Fact]
    public void ForeignSendersAndOtherSequencesAreIgnored()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 50);
        byte[] request = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out uint sequence);
        _socket.Enqueue(Ack(sequence, (int)Errno.EPERM), sender: 31337);                     // forged by a process
        _socket.Enqueue(Datagram(Ack(sequence - 1, (int)Errno.ENOENT), Ack(sequence + 7)));  // stale and future acks
        _socket.Enqueue(Data(Requests.CtNew, sequence, 0), sender: 99);
        _socket.Enqueue(Ack(sequence, (int)Errno.EEXIST));
        int replies = 0;

        NetlinkAck ack = connection.Transact(request, _ => replies++);

        Assert.Equal((int)Errno.EEXIST, ack.Errno);
        Assert.Equal(0, replies);
        Assert.Equal(0, _socket.QueuedReplies);
    }

    [Fact]
    public void EchoedNotificationsForThisSocketReachTheCaller()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 50);
        byte[] request = Requests.Build(connection, Requests.CtNew, Requests.RequestAck | NetlinkMessageFlags.NLM_F_ECHO, out uint sequence);
        _socket.Enqueue(Data(Requests.CtNew, 0, NetlinkMessageFlags.NLM_F_CREATE, portId: 777));          // someone else's event
        _socket.Enqueue(Data(Requests.CtNew, 0, NetlinkMessageFlags.NLM_F_CREATE, portId: _socket.PortId)); // our echo
        _socket.Enqueue(Ack(sequence));
        var echoed = new List<uint>();

        connection.Execute(request, message => echoed.Add(message.Header.PortId));

        Assert.Equal(new uint[] { _socket.PortId }, echoed);
    }

    [Fact]
    public void ADatagramLargerThanTheBufferGrowsIt()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 50);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out uint sequence);
        byte[][] parts = Enumerable.Range(0, 5)
            .Select(i => Data(Requests.CtNew, sequence, attributes: Attribute(1, Enumerable.Repeat((byte)i, 20000).ToArray())))
            .ToArray();
        _socket.Enqueue(Datagram([.. parts, Ack(sequence)]));
        var sizes = new List<int>();

        connection.Execute(request, message => sizes.Add(message.Bytes.Length));

        Assert.Equal(5, sizes.Count);
        Assert.All(sizes, size => Assert.Equal(20024, size));
        Assert.True(connection.ReceiveBufferCapacity >= 5 * 20024 + 36);
        Assert.Equal(1, _socket.ReadCount);
    }

    [Fact]
    public void AnOversizedDatagramFromAnotherSenderIsDroppedWithoutGrowingTheBuffer()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 50);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out uint sequence);
        _socket.Enqueue(Data(Requests.CtNew, sequence, attributes: Attribute(1, new byte[8 * 1024 * 1024])), sender: 31337);
        _socket.Enqueue(Ack(sequence, (int)Errno.ENOENT));

        NetlinkAck ack = connection.Transact(request);

        Assert.Equal((int)Errno.ENOENT, ack.Errno);
        Assert.True(connection.ReceiveBufferCapacity <= NetlinkConnection.MaximumDatagramSize);
    }

    [Fact]
    public void AKernelDatagramBeyondTheLimitIsADecodeError()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 50);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out uint sequence);
        _socket.Enqueue(Data(Requests.CtNew, sequence, attributes: Attribute(1, new byte[2 * NetlinkConnection.MaximumDatagramSize])));

        Assert.Throws<NetlinkDecodeException>(() => connection.Transact(request));
        Assert.True(connection.ReceiveBufferCapacity <= NetlinkConnection.MaximumDatagramSize);
    }

    [Fact]
    public void RequestsAreValidatedBeforeSending()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] noAck = Requests.Build(connection, Requests.CtDelete, NetlinkMessageFlags.NLM_F_REQUEST, out _);
        byte[] notARequest = Requests.Build(connection, Requests.CtDelete, NetlinkMessageFlags.NLM_F_ACK, out _);
        byte[] two = [.. Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out _), .. Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out _)];

        Assert.Throws<ArgumentException>(() => connection.Transact(noAck));
        Assert.Throws<ArgumentException>(() => connection.Transact(notARequest));
        Assert.Throws<ArgumentException>(() => connection.Transact(two));
        Assert.Throws<ArgumentException>(() => connection.Transact(new byte[10]));
        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public void SequenceNumbersIncreaseFromTheSeedAndSkipZero()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: uint.MaxValue - 1);

        Assert.Equal(uint.MaxValue - 1, connection.NextSequence());
        Assert.Equal(uint.MaxValue, connection.NextSequence());
        Assert.Equal(1u, connection.NextSequence());
        Assert.Equal(2u, connection.NextSequence());
    }

    [Fact]
    public void DefaultSeedIsTheCurrentTime()
    {
        using var connection = new NetlinkConnection(_socket);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.InRange(connection.NextSequence(), (uint)(now - 5), (uint)(now + 5));
    }

    [Fact]
    public void SocketErrorsPropagateAsNetlinkExceptions()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtDelete, Requests.RequestAck, out _);
        _socket.EnqueueError((int)Errno.ENOBUFS);

        NetlinkException exception = Assert.Throws<NetlinkException>(() => connection.Transact(request));

        Assert.Equal((int)Errno.ENOBUFS, exception.Errno);
        Assert.Equal("recvfrom", exception.Operation);
    }

    [Fact]
    public void DisposeClosesAnOwnedSocketOnly()
    {
        var owned = new FakeNetlinkSocket();
        var borrowed = new FakeNetlinkSocket();
        new NetlinkConnection(owned).Dispose();
        var connection = new NetlinkConnection(borrowed, ownsSocket: false);
        connection.Dispose();

        Assert.True(owned.Disposed);
        Assert.False(borrowed.Disposed);
        Assert.Throws<ObjectDisposedException>(() => connection.Transact(Requests.Build(connection, Requests.CtGet, Requests.RequestAck, out _)));
    }
}
