using NetCt.Netlink;

namespace NetCt.Tests.Netlink;

/// <summary>
/// An <see cref="INetlinkSocket"/> that records every datagram sent and replays scripted replies,
/// each with its own sender port id, or an errno the next receive fails with. A blocking receive
/// on an empty queue fails the test instead of hanging it.
/// </summary>
internal sealed class FakeNetlinkSocket : INetlinkSocket
{
    private readonly Queue<Reply> _replies = new();

    public uint PortId { get; init; } = 4242;

    public int ReceiveBufferSize { get; set; } = 212992;

    public List<byte[]> Sent { get; } = [];

    /// <summary>Replies still queued when each datagram was sent (a batch must have drained them).</summary>
    public List<int> QueuedAtSend { get; } = [];

    public List<uint> Joined { get; } = [];

    public List<uint> Left { get; } = [];

    public int PeekCount { get; private set; }

    public int ReadCount { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Called with each sent datagram; whatever it returns is queued as the kernel's answer.</summary>
    public Func<byte[], IEnumerable<Reply>>? Responder { get; set; }

    public int QueuedReplies => _replies.Count;

    public void Enqueue(byte[] datagram, uint sender = 0) => _replies.Enqueue(Reply.Datagram(datagram, sender));

    public void EnqueueError(int errno) => _replies.Enqueue(Reply.Error(errno));

    public void Send(ReadOnlySpan<byte> datagram)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        QueuedAtSend.Add(_replies.Count);
        byte[] copy = datagram.ToArray();
        Sent.Add(copy);
        foreach (Reply reply in Responder?.Invoke(copy) ?? [])
        {
            _replies.Enqueue(reply);
        }
    }

    public int Receive(Span<byte> buffer, NetlinkReceiveFlags flags, out uint senderPortId)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        senderPortId = 0;
        if (_replies.Count == 0)
        {
            if ((flags & NetlinkReceiveFlags.DontWait) != 0)
            {
                return -1;
            }

            throw new InvalidOperationException("blocking receive on an empty fake socket: the test would hang");
        }

        Reply reply = _replies.Peek();
        if (reply.Errno != 0)
        {
            // Like sk_err, a pending error is reported once, peek or not.
            _replies.Dequeue();
            throw new NetlinkException(reply.Errno, operation: "recvfrom");
        }

        bool peek = (flags & NetlinkReceiveFlags.Peek) != 0;
        if (peek)
        {
            PeekCount++;
        }
        else
        {
            ReadCount++;
            _replies.Dequeue();
        }

        reply.Data.AsSpan(0, Math.Min(reply.Data.Length, buffer.Length)).CopyTo(buffer);
        senderPortId = reply.Sender;
        return reply.Data.Length;
    }

    public bool WaitForReceive(int timeoutMilliseconds)
    {
        if (_replies.Count > 0)
        {
            return true;
        }

        if (timeoutMilliseconds != 0)
        {
            Thread.Sleep(5);
        }

        return false;
    }

    public void SetReceiveBufferSize(int bytes) => ReceiveBufferSize = bytes * 2;

    public void JoinGroup(uint group) => Joined.Add(group);

    public void LeaveGroup(uint group) => Left.Add(group);

    public void Dispose() => Disposed = true;

    internal readonly record struct Reply(byte[] Data, uint Sender, int Errno)
    {
        public static Reply Datagram(byte[] data, uint sender = 0) => new(data, sender, 0);

        public static Reply Error(int errno) => new([], 0, errno);
    }
}
