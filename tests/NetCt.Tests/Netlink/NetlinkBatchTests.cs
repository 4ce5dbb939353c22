using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

/// <summary>The pipelined batch engine against a scripted socket: request bytes, windows, answer matching and attribution.</summary>
public sealed class NetlinkBatchTests
{
    private readonly FakeNetlinkSocket _socket = new();
    private readonly List<NetlinkAck> _answers = [];

    [Fact]
    public void AWindowGoesOutAsOneDatagramOfExactRequests()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 0x01020304);
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);

        AddDeletes(batch, 2);
        batch.Send();

        Assert.Equal(
            "1C000000" + "0201" + "0100" + "04030201" + "00000000" + "02000000" + "0800" + "0C00" + "00000000"
            + "1C000000" + "0201" + "0100" + "05030201" + "00000000" + "02000000" + "0800" + "0C00" + "00000001",
            Convert.ToHexString(Assert.Single(_socket.Sent)));
        Assert.Equal([0, 0], _answers.Select(a => a.Errno));
    }

    [Fact]
    public void AnErrorInTheMiddleIsAttributedToItsRequest()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 10);
        _socket.Responder = AnswerEach(new() { [12] = ((int)Errno.EBUSY, "entry is busy") });
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);

        AddDeletes(batch, 5);
        batch.Send();

        Assert.Equal([0, 1, 2, 3, 4], _answers.Select(a => a.Index));
        Assert.Equal(new uint[] { 10, 11, 12, 13, 14 }, _answers.Select(a => a.Sequence));
        Assert.Equal([0, 0, (int)Errno.EBUSY, 0, 0], _answers.Select(a => a.Errno));
        Assert.Equal("entry is busy", _answers[2].ExtendedAckMessage);
    }

    [Fact]
    public void AcksAreMatchedBySequenceWhateverTheirDatagramsAndNoise()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 20);
        _socket.Responder = _ =>
        [
            FakeNetlinkSocket.Reply.Datagram(Datagram(Ack(19, (int)Errno.EBUSY), Ack(20))),     // stale, then ours
            FakeNetlinkSocket.Reply.Datagram(Ack(21, (int)Errno.EPERM), sender: 8),             // forged
            FakeNetlinkSocket.Reply.Datagram(Datagram(Ack(22, (int)Errno.EEXIST), Ack(20, (int)Errno.EIO))), // out of order; duplicate of 20 ignored
            FakeNetlinkSocket.Reply.Datagram(Ack(21)),
        ];
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);

        AddDeletes(batch, 3, NetlinkMessageFlags.NLM_F_ACK);
        batch.Send();

        Assert.Equal(new uint[] { 20, 21, 22 }, _answers.Select(a => a.Sequence));
        Assert.Equal([0, 0, (int)Errno.EEXIST], _answers.Select(a => a.Errno));
        Assert.Equal(0, _socket.QueuedReplies);
    }

    [Fact]
    public void WindowsAreBoundedByRequestsAndBytesAndTheirAnswersReadBeforeTheNextIsSent()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        _socket.Responder = AnswerEach(ackAll: true);
        using NetlinkBatch byCount = connection.StartBatch(_answers.Add, maxRequests: 2);
        using NetlinkBatch byBytes = connection.StartBatch(_answers.Add, maxDatagramBytes: 56);   // 28 bytes a request

        AddDeletes(byCount, 5);
        byCount.Send();
        AddDeletes(byBytes, 5);
        byBytes.Send();

        Assert.Equal([2, 2, 1, 2, 2, 1], _socket.Sent.Select(CountMessages));
        Assert.All(_socket.QueuedAtSend, queued => Assert.Equal(0, queued));
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2, 3, 4], _answers.Select(a => a.Index));
    }

    [Fact]
    public void TheReceiveQueueBoundsTheWindow()
    {
        _socket.ReceiveBufferSize = 5 * 1024;
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);

        AddDeletes(batch, 7);
        batch.Send();

        Assert.Equal([2, 2, 2, 1], _socket.Sent.Select(CountMessages));
    }

    [Fact]
    public void TheReceiveBufferIsRaisedWhenSmallerThanAsked()
    {
        _socket.ReceiveBufferSize = 4096;
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);

        using NetlinkBatch batch = connection.StartBatch(_answers.Add, receiveQueueBytes: 100_000);

        Assert.Equal(200_000, _socket.ReceiveBufferSize);
    }

    [Fact]
    public void DataRepliesReachTheCallerWithTheIndexOfTheirRequestBeforeTheAnswers()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 40);
        _socket.Responder = _ =>
        [
            FakeNetlinkSocket.Reply.Datagram(Data(Requests.CtNew, 0, 0, portId: _socket.PortId)),   // a notification: not an answer
            FakeNetlinkSocket.Reply.Datagram(Data(Requests.CtNew, 41, 0)),
            FakeNetlinkSocket.Reply.Datagram(Ack(40, (int)Errno.ENOENT)),
        ];
        var events = new List<string>();
        using NetlinkBatch batch = connection.StartBatch(
            answer => events.Add($"answer {answer.Index} {answer.Errno}"),
            (index, message) => events.Add($"reply {index} {message.Sequence}"));

        AddDeletes(batch, 2);
        batch.Send();

        Assert.Equal(["reply 1 41", $"answer 0 {(int)Errno.ENOENT}", "answer 1 0"], events);
    }

    [Fact]
    public void WithoutCapNetAdminEveryRequestOfTheDatagramIsRefused()
    {
        // nfnetlink answers the datagram's first request with EPERM and drops the others unread.
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(1, (int)Errno.EPERM, "Operation not permitted"))];
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);

        AddDeletes(batch, 3, NetlinkMessageFlags.NLM_F_ACK);
        batch.Send();

        Assert.Equal([0, 1, 2], _answers.Select(a => a.Index));
        Assert.All(_answers, a => Assert.Equal((int)Errno.EPERM, a.Errno));
        Assert.Equal(new uint[] { 1, 2, 3 }, _answers.Select(a => a.Sequence));
    }

    [Fact]
    public void AnOverrunWhileCollectingAnswersThrowsAndTheNextWindowStartsClean()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(1)), FakeNetlinkSocket.Reply.Error((int)Errno.ENOBUFS)];
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);
        AddDeletes(batch, 2);

        NetlinkException exception = Assert.Throws<NetlinkException>(batch.Send);

        Assert.Equal((int)Errno.ENOBUFS, exception.Errno);
        Assert.Empty(_answers);
        Assert.Equal(0, batch.Count);
        Assert.Equal(2, batch.WindowStart);
    }

    [Fact]
    public void AnOverrunMessageForTheWindowThrows()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Message(NetlinkMessageTypes.NLMSG_OVERRUN, 0, 1, 0, []))];
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);
        AddDeletes(batch, 1);

        Assert.Equal((int)Errno.ENOBUFS, Assert.Throws<NetlinkException>(batch.Send).Errno);
    }

    [Fact]
    public void AFullWindowMustBeSentBeforeTheNextRequest()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        using NetlinkBatch batch = connection.StartBatch(_answers.Add, maxRequests: 1);
        AddDeletes(batch, 1);

        Assert.False(batch.HasRoomFor());
        Assert.Throws<InvalidOperationException>(() => batch.BeginRequest(Requests.CtDelete, 0, AddressFamilies.AF_INET));
        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public void AnEmptyWindowSendsNothing()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        using NetlinkBatch batch = connection.StartBatch(_ => throw new InvalidOperationException());

        batch.Send();

        Assert.Empty(_socket.Sent);
    }

    [Fact]
    public void ABatchDrainsAnUnfinishedDumpBeforeSending()
    {
        using var connection = new NetlinkConnection(_socket, initialSequence: 1);
        byte[] request = Requests.Build(connection, Requests.CtGet, Requests.RequestDump, out uint dumpSequence);
        _socket.Enqueue(Data(Requests.CtNew, dumpSequence));
        _socket.Enqueue(Done(dumpSequence));
        NetlinkDump dump = connection.Dump(request);
        Assert.True(dump.MoveNext());
        using NetlinkBatch batch = connection.StartBatch(_answers.Add);
        AddDeletes(batch, 1);
        _socket.Responder = _ => [FakeNetlinkSocket.Reply.Datagram(Ack(dumpSequence + 1, (int)Errno.ENOENT))];

        batch.Send();

        Assert.True(dump.IsCompleted);
        Assert.Equal((int)Errno.ENOENT, Assert.Single(_answers).Errno);
    }

    private static void AddDeletes(NetlinkBatch batch, int count, NetlinkMessageFlags flags = 0)
    {
        for (int i = 0; i < count; i++)
        {
            if (!batch.HasRoomFor())
            {
                batch.Send();
            }

            NetlinkWriter writer = batch.BeginRequest(Requests.CtDelete, flags, AddressFamilies.AF_INET);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_ID, (uint)i);
            writer.EndMessage();
        }
    }

    /// <summary>Answers each request: with an error when listed, else with an ack only if <paramref name="ackAll"/> (a request without NLM_F_ACK gets none).</summary>
    private static Func<byte[], IEnumerable<FakeNetlinkSocket.Reply>> AnswerEach(Dictionary<uint, (int Errno, string Text)>? failing = null, bool ackAll = false) =>
        sent =>
        {
            var replies = new List<FakeNetlinkSocket.Reply>();
            var reader = new NetlinkMessageReader(sent);
            while (reader.Next())
            {
                uint sequence = reader.Current.Sequence;
                if (failing is not null && failing.TryGetValue(sequence, out var failure))
                {
                    replies.Add(FakeNetlinkSocket.Reply.Datagram(Ack(sequence, failure.Errno, failure.Text)));
                }
                else if (ackAll)
                {
                    replies.Add(FakeNetlinkSocket.Reply.Datagram(Ack(sequence)));
                }
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
