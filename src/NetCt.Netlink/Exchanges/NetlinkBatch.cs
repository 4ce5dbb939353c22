using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// Pipelined requests: they are written into a window, the window is sent as one datagram, and
/// every request's answer is reported, in request order, before the next window is sent. Build
/// each request with <see cref="BeginRequest"/> and <see cref="NetlinkWriter.EndMessage"/>; call
/// <see cref="Send"/> whenever <see cref="HasRoomFor"/> says the next request does not fit, and
/// once at the end. Disposing drops a window that was not sent.
/// </summary>
/// <remarks>
/// The kernel handles a datagram's requests inside the sendmsg that carries it, one after another,
/// even after one of them fails; so when the send returns every answer is already queued. A
/// request's answer is its NLMSG_ERROR: a refusal, or the ack of a request that asked for one with
/// NLM_F_ACK. A request without one succeeded, which saves a receive per request when requests do
/// not ask for acks. Data replies (a GET's entry) go to the reply handler as they are read, before
/// the answers are reported. Without CAP_NET_ADMIN nfnetlink refuses a datagram's first request
/// with EPERM and drops the others unread: each of them is reported as refused with EPERM too.
/// The window is bounded so that the kernel never has to drop an answer: by
/// <see cref="MaxRequests"/>, by <see cref="MaxDatagramBytes"/>, and by the receive queue room
/// each request's answers may take (skb truesize), which must fit the socket's receive buffer.
/// </remarks>
public sealed class NetlinkBatch : IDisposable
{
    /// <summary>Default most requests in one window. The kernel runs every request of a datagram even after one fails, so this bounds how much is applied past a refusal.</summary>
    public const int DefaultMaxRequests = 256;

    /// <summary>Default size at which a window is closed (netlink refuses a datagram larger than the socket's send buffer, 208 KiB by default).</summary>
    public const int DefaultMaxDatagramBytes = 48 * 1024;

    /// <summary>Receive-queue room an NLMSG_ERROR answer takes (skb truesize, with the echoed request): the default cost of a request.</summary>
    public const int ErrorAnswerBytes = 2048;

    private readonly NetlinkReceiver _receiver;
    private readonly NetlinkAckHandler _onAnswer;
    private readonly NetlinkBatchReplyHandler? _onReply;
    private readonly NetlinkWriter _writer;
    private readonly int _queueBudget;
    private readonly NetlinkAck[] _answers;
    private readonly bool[] _answered;
    private int _queueBytes;
    private bool _disposed;

    internal NetlinkBatch(
        NetlinkReceiver receiver, NetlinkAckHandler onAnswer, NetlinkBatchReplyHandler? onReply, int maxRequests, int maxDatagramBytes, int receiveQueueBytes)
    {
        ArgumentNullException.ThrowIfNull(onAnswer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagramBytes, NetlinkMessageHeader.Size);
        _receiver = receiver;
        _onAnswer = onAnswer;
        _onReply = onReply;
        MaxRequests = maxRequests;
        MaxDatagramBytes = maxDatagramBytes;
        if (receiver.Socket.ReceiveBufferSize < receiveQueueBytes)
        {
            receiver.Socket.SetReceiveBufferSize(receiveQueueBytes);
        }

        _queueBudget = receiver.Socket.ReceiveBufferSize;
        _writer = new NetlinkWriter(maxDatagramBytes + 4096);
        _answers = new NetlinkAck[maxRequests];
        _answered = new bool[maxRequests];
    }

    /// <summary>Most requests in one window.</summary>
    public int MaxRequests { get; }

    /// <summary>Size at which a window is closed: once its datagram reaches this, the next request goes in the next window.</summary>
    public int MaxDatagramBytes { get; }

    /// <summary>Requests in the window, not yet sent.</summary>
    public int Count => _writer.MessageCount;

    /// <summary>Index (0-based, across windows) of the window's first request: the next one sent.</summary>
    public int WindowStart { get; private set; }

    /// <summary>Whether one more request whose answers may take <paramref name="answerBytes"/> of the receive queue fits the window.</summary>
    /// <param name="answerBytes">Receive-queue room its answers may take: <see cref="ErrorAnswerBytes"/>, plus the replies it asks for.</param>
    /// <returns>False when the window must be sent first.</returns>
    public bool HasRoomFor(int answerBytes = ErrorAnswerBytes) =>
        Count == 0 || (Count < MaxRequests && _writer.Length < MaxDatagramBytes && _queueBytes + answerBytes <= _queueBudget);

    /// <summary>
    /// Begins the next request in the window: an nfnetlink message with NLM_F_REQUEST plus
    /// <paramref name="flags"/> and the next sequence number. Put its attributes into the writer
    /// returned, then call <see cref="NetlinkWriter.EndMessage"/>.
    /// </summary>
    /// <param name="type">nlmsg_type.</param>
    /// <param name="flags">Flags besides NLM_F_REQUEST (NLM_F_ACK for an answer to every request, NLM_F_CREATE, ...).</param>
    /// <param name="family">nfgen_family.</param>
    /// <param name="version">nfgenmsg.version.</param>
    /// <param name="answerBytes">Receive-queue room its answers may take.</param>
    /// <returns>The window's writer, with the message open.</returns>
    /// <exception cref="InvalidOperationException">The window is full (<see cref="HasRoomFor"/> is false) or a request is still open.</exception>
    public NetlinkWriter BeginRequest(
        ushort type, NetlinkMessageFlags flags, byte family, byte version = NfnetlinkVersions.NFNETLINK_V0, int answerBytes = ErrorAnswerBytes)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer.IsMessageOpen || !HasRoomFor(answerBytes))
        {
            throw new InvalidOperationException(_writer.IsMessageOpen ? "the previous request is still open" : "the window is full: send it first");
        }

        _queueBytes += answerBytes;
        _writer.BeginNfMessage(type, NetlinkMessageFlags.NLM_F_REQUEST | flags, _receiver.NextSequence(), family, version: version);
        return _writer;
    }

    /// <summary>
    /// Sends the window as one datagram, reads the answers the kernel queued, reports every
    /// request's answer in order, and empties the window. Nothing happens for an empty window.
    /// </summary>
    /// <exception cref="NetlinkException">A system call failed, or answers were lost (ENOBUFS).</exception>
    /// <exception cref="NetlinkDecodeException">An answer does not decode.</exception>
    /// <exception cref="InvalidOperationException">A request is still open.</exception>
    public void Send()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer.IsMessageOpen)
        {
            throw new InvalidOperationException("the last request is still open");
        }

        int count = Count;
        if (count == 0)
        {
            return;
        }

        try
        {
            _receiver.Begin(null);
            _receiver.Socket.Send(_writer.WrittenSpan);
            CollectAnswers(count);
            ReportAnswers(count);
        }
        finally
        {
            WindowStart += count;
            Array.Clear(_answered, 0, count);
            _queueBytes = 0;
            _writer.Reset();
        }
    }

    /// <summary>Returns the window's buffer; an unsent window is dropped.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }

    /// <summary>Reads every answer already queued: refusals or acks, and the data replies.</summary>
    private void CollectAnswers(int count)
    {
        int hint = 0;
        while (true)
        {
            if (!_receiver.TryTakeMessage(out int start, out int length))
            {
                if (!_receiver.Receive(dontWait: true, learnSizeFirst: false))
                {
                    return;
                }

                continue;
            }

            NetlinkMessage message = _receiver.MessageAt(start, length);
            int slot = SlotOf(message.Sequence, hint, count);
            if (slot < 0)
            {
                // Not an answer to this window: a late answer to an earlier exchange, or a notification.
                continue;
            }

            hint = slot;
            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_ERROR when !_answered[slot]:
                    _answers[slot] = NetlinkAck.Parse(message, WindowStart + slot);
                    _answered[slot] = true;
                    break;
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    throw NetlinkReceiver.OverrunException();
                case >= NetlinkMessageTypes.NLMSG_MIN_TYPE:
                    _onReply?.Invoke(WindowStart + slot, message);
                    break;
            }
        }
    }

    private void ReportAnswers(int count)
    {
        bool refusedWhole = _answered[0] && _answers[0].Errno == (int)Errno.EPERM;
        for (int i = 0; i < count; i++)
        {
            NetlinkAck answer = refusedWhole
                ? new NetlinkAck(_writer.GetSequence(i), WindowStart + i, _answers[0].Errno, _answers[0].ExtendedAckMessage)
                : _answered[i] ? _answers[i] : new NetlinkAck(_writer.GetSequence(i), WindowStart + i, 0);
            _onAnswer(answer);
        }
    }

    // Answers come in request order, so the slot is almost always at or just after the hint.
    private int SlotOf(uint sequence, int hint, int count)
    {
        for (int i = hint; i < count; i++)
        {
            if (_writer.GetSequence(i) == sequence)
            {
                return i;
            }
        }

        for (int i = 0; i < hint; i++)
        {
            if (_writer.GetSequence(i) == sequence)
            {
                return i;
            }
        }

        return -1;
    }
}
