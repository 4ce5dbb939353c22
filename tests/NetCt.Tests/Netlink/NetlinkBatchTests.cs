using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class NetlinkBatchTests : IDisposable
{
    private readonly FakeNetlinkSocket _socket = new();
    private readonly NetlinkWriter _writer = new();

    [Fact]
    public void AttributesEachAckToItsRequest()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 10);
        BuildDeletes(connection, 5);
        _socket.Responder = AckEach(failing: new() { [12] = ((int)Errno.ENOENT, "not found") });
        var acks = new List<NetlinkAck>();

        NetlinkBatchResult result = connection.ExecuteBatch(_writer.WrittenSpan, acks.Add);

        Assert.Equal(_writer.WrittenSpan.ToArray(), Assert.Single(_socket.Sent));
        Assert.Equal(4, result.Succeeded);
        Assert.Equal(1, result.Failed);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, acks.Select(a => a.Index));
        Assert.Equal(new uint[] { 10, 11, 12, 13, 14 }, acks.Select(a => a.Sequence));
        Assert.Equal(new[] { 0, 0, 2, 0, 0 }, acks.Select(a => a.Errno));
        Assert.Equal("not found", acks[2].ExtendedAckMessage);
    }

    [Fact]
    public void SendsWindowsAndCollectsTheirAcksBeforeSendingMore()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1) { BatchMaxMessages = 2 };
        BuildDeletes(connection, 5);
        _socket.Responder = AckEach();
        var sequences = new List<uint>();

        NetlinkBatchResult result = connection.ExecuteBatch(_writer.WrittenSpan, ack => sequences.Add(ack.Sequence));

        Assert.Equal(5, result.Succeeded);
        Assert.Equal(new[] { 2, 2, 1 }, _socket.Sent.Select(CountMessages));
        Assert.All(_socket.QueuedAtSend, queued => Assert.Equal(0, queued));
        Assert.Equal(new uint[] { 1, 2, 3, 4, 5 }, sequences);
        Assert.Equal(_writer.WrittenSpan.ToArray(), _socket.Sent.SelectMany(d => d).ToArray());
    }

    [Fact]
    public void WindowsAreBoundedByBytes()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1) { BatchMaxBytes = 70 };
        BuildDeletes(connection, 5);   // 28 bytes each
        _socket.Responder = AckEach();

        connection.ExecuteBatch(_writer.WrittenSpan, _ => { });

        Assert.Equal(new[] { 2, 2, 1 }, _socket.Sent.Select(CountMessages));
    }

    [Fact]
    public void DefaultWindowFollowsTheReceiveBuffer()
    {
        _socket.ReceiveBufferSize = 3 * 1024;
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        BuildDeletes(connection, 7);
        _socket.Responder = AckEach();

        connection.ExecuteBatch(_writer.WrittenSpan, _ => { });

        Assert.Equal(new[] { 3, 3, 1 }, _socket.Sent.Select(CountMessages));
    }

    [Fact]
    public void AcksSplitAcrossDatagramsAndInterleavedNoiseAreHandled()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 20);
        BuildDeletes(connection, 3);
        _socket.Responder = _ =>
        [
            FakeNetlinkSocket.Reply.Datagram(Datagram(Ack(19, (int)Errno.EBUSY), Ack(20))),     // stale, then ours
            FakeNetlinkSocket.Reply.Datagram(Ack(21, (int)Errno.EPERM), sender: 8),             // forged
            FakeNetlinkSocket.Reply.Datagram(Datagram(Ack(21), Ack(20, (int)Errno.EIO))),      // duplicate of 20 ignored
            FakeNetlinkSocket.Reply.Datagram(Ack(22)),
        ];
        var acks = new List<NetlinkAck>();

        NetlinkBatchResult result = connection.ExecuteBatch(_writer.WrittenSpan, acks.Add);

        Assert.Equal(3, result.Succeeded);
        Assert.Equal(new uint[] { 20, 21, 22 }, acks.Select(a => a.Sequence));
    }

    [Fact]
    public void EchoesAndDataRepliesReachTheCaller()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 40);
        BuildDeletes(connection, 2);
        _socket.Responder = _ =>
        [
            FakeNetlinkSocket.Reply.Datagram(Data(Requests.CtDelete, 0, 0, portId: _socket.PortId)),
            FakeNetlinkSocket.Reply.Datagram(Ack(40)),
            FakeNetlinkSocket.Reply.Datagram(Data(Requests.CtDelete, 41, 0)),
            FakeNetlinkSocket.Reply.Datagram(Ack(41)),
        ];
        var events = new List<string>();

        connection.ExecuteBatch(_writer.WrittenSpan, ack => events.Add($"ack {ack.Sequence}"), message => events.Add($"data {message.Sequence}"));

        Assert.Equal(new[] { "data 0", "ack 40", "data 41", "ack 41" }, events);
    }

    [Fact]
    public void AKernelThatStopsAcknowledgingFailsTheBatch()
    {
        // Without CAP_NET_ADMIN nfnetlink acks only the first message of a datagram with EPERM.
        using var connection = new NetlinkConnection(_socket, initialSequence: 1) { BatchAckTimeoutMilliseconds = 0 };
        BuildDeletes(connection, 3);
        _socket.Responder = sent => [FakeNetlinkSocket.Reply.Datagram(Ack(1, (int)Errno.EPERM, "Operation not permitted"))];
        var acks = new List<NetlinkAck>();

        NetlinkException exception = Assert.Throws<NetlinkException>(() => connection.ExecuteBatch(_writer.WrittenSpan, acks.Add));

        Assert.Equal((int)Errno.EPERM, exception.Errno);
        Assert.Contains("2 of 3", exception.Message);
        Assert.Equal((int)Errno.EPERM, Assert.Single(acks).Errno);
    }

    [Fact]
    public void MissingAcksWithoutAnyErrorTimeOut()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1) { BatchAckTimeoutMilliseconds = 0 };
        BuildDeletes(connection, 2);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(1))];

        NetlinkException exception = Assert.Throws<NetlinkException>(() => connection.ExecuteBatch(_writer.WrittenSpan, _ => { }));

        Assert.Equal((int)Errno.ETIMEDOUT, exception.Errno);
    }

    [Fact]
    public void AnOverrunWhileCollectingAcksThrows()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        BuildDeletes(connection, 2);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(1)), FakeNetlinkSocket.Reply.Error((int)Errno.ENOBUFS)];

        NetlinkException exception = Assert.Throws<NetlinkException>(() => connection.ExecuteBatch(_writer.WrittenSpan, _ => { }));

        Assert.Equal((int)Errno.ENOBUFS, exception.Errno);
    }

    [Fact]
    public void EveryRequestMustAskForAnAck()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        BuildDeletes(connection, 2);
        _writer.BeginNfMessage(Requests.CtDelete, NetlinkMessageFlags.NLM_F_REQUEST, connection.NextSequence(), AddressFamilies.AF_INET);
        _writer.EndMessage();

        Assert.Throws<ArgumentException>(() => connection.ExecuteBatch(_writer.WrittenSpan, _ => { }));
        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public void AnEmptyBatchSendsNothing()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);

        NetlinkBatchResult result = connection.ExecuteBatch([], _ => throw new InvalidOperationException());

        Assert.Equal(0, result.Succeeded + result.Failed);
        Assert.Empty(_socket.Sent);
    }

    public void Dispose() => _writer.Dispose();

    private void BuildDeletes(NetlinkConnection connection, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _writer.BeginNfMessage(Requests.CtDelete, Requests.RequestAck, connection.NextSequence(), AddressFamilies.AF_INET);
            _writer.PutUInt32BigEndian((ushort)CtattrType.CTA_ID, (uint)i);
            _writer.EndMessage();
        }
    }

    private static Func<byte[], IEnumerable<FakeNetlinkSocket.Reply>> AckEach(Dictionary<uint, (int Errno, string Text)>? failing = null) =>
        sent =>
        {
            var replies = new List<FakeNetlinkSocket.Reply>();
            var reader = new NetlinkMessageReader(sent);
            while (reader.Next())
            {
                uint sequence = reader.Current.Sequence;
                replies.Add(failing is not null && failing.TryGetValue(sequence, out var failure)
                    ? FakeNetlinkSocket.Reply.Datagram(Ack(sequence, failure.Errno, failure.Text))
                    : FakeNetlinkSocket.Reply.Datagram(Ack(sequence)));
            }

            return replies;
        };

    private static int CountMessages(byte[] datagram)
    {
        int count = 0;
        var reader = new NetlinkMessageReader(datagram);
        while (reader.Next())
        {
            count++;
        }

        return count;
    }
}
