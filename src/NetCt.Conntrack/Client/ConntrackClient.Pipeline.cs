using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <content>Pipelined requests of any kind, answered one by one in order.</content>
public sealed partial class ConntrackClient
{
    // Requests in one datagram. The kernel runs every request of a datagram even after one of them
    // fails, so this bounds how much of the input is applied past a refusal.
    private const int PipelineWindowRequests = 256;

    // A window is closed once its datagram reaches this size (netlink refuses a datagram larger
    // than the socket's send buffer, 208 KiB by default).
    private const int PipelineDatagramBytes = 48 * 1024;

    // Receive-queue room (skb truesize) one answer may take. The kernel drops answers beyond
    // SO_RCVBUF, so a window never asks for more than the buffer holds: an error that echoes its
    // request takes about 1.2 KiB, a GET's reply a page (NLMSG_DEFAULT_SIZE).
    private const int ErrorQueueCost = 2048;
    private const int GetReplyQueueCost = 8192;

    // Where a window's answers are read: an answer is at most a page.
    private const int AnswerBufferBytes = 64 * 1024;

    private bool _pipelineBufferRaised;

    /// <summary>
    /// Sends requests pipelined, up to 256 in one datagram, and reports every answer, in request
    /// order, to <paramref name="onResponse"/>. <paramref name="requests"/> is read lazily, one
    /// datagram ahead of the answers at most, so it can be a <see cref="Dump"/> that is still running.
    /// </summary>
    /// <remarks>
    /// The requests carry no NLM_F_ACK: the kernel handles a datagram within sendmsg, so once it
    /// returns every refusal (and every GET's entry) is already queued, and a request without a
    /// refusal succeeded; this saves a receive per request. The kernel handles each request of a
    /// datagram even when an earlier one failed. When <paramref name="onResponse"/> returns false the
    /// pipeline stops after the current datagram: the requests already sent with it are still
    /// reported, nothing further is read or sent.
    /// </remarks>
    /// <param name="requests">The requests, in the order the kernel is to handle them.</param>
    /// <param name="onResponse">Receives each answer; returns false to stop after the current datagram.</param>
    /// <exception cref="NetlinkException">A system call failed, or answers were lost (ENOBUFS).</exception>
    /// <exception cref="NetlinkDecodeException">An answer does not decode.</exception>
    public void Pipeline(IEnumerable<FlowRequest> requests, Func<FlowResponse, bool> onResponse)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(onResponse);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var writer = new NetlinkWriter(PipelineDatagramBytes + 4096);
        var window = new PipelineWindow(writer, onResponse);
        NetlinkConnection? connection = null;
        int queueBudget = 0;
        foreach (FlowRequest request in requests)
        {
            if (connection is null)
            {
                connection = PipelineConnection();
                queueBudget = connection.Socket.ReceiveBufferSize;
            }

            int cost = QueueCost(request.Operation);
            if (window.Count == PipelineWindowRequests || writer.Length >= PipelineDatagramBytes
                || (window.Count > 0 && window.QueueBytes + cost > queueBudget))
            {
                if (!window.Run(connection.Socket))
                {
                    return;
                }
            }

            uint sequence = connection.NextSequence();
            writer.BeginNfMessage(
                NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)MessageType(request.Operation)),
                NetlinkMessageFlags.NLM_F_REQUEST | CreationFlags(request.Operation),
                sequence,
                (byte)FlowEncoder.FamilyOf(request.Flow));
            Encode(writer, request);
            writer.EndMessage();
            window.Add(request, sequence, cost);
        }

        if (connection is not null && window.Count > 0)
        {
            window.Run(connection.Socket);
        }
    }

    private static int QueueCost(FlowOperation operation) =>
        operation == FlowOperation.Get ? GetReplyQueueCost + ErrorQueueCost : ErrorQueueCost;

    private static CntlMsgTypes MessageType(FlowOperation operation) => operation switch
    {
        FlowOperation.Create or FlowOperation.Add or FlowOperation.Update => CntlMsgTypes.IPCTNL_MSG_CT_NEW,
        FlowOperation.Delete => CntlMsgTypes.IPCTNL_MSG_CT_DELETE,
        FlowOperation.Get => CntlMsgTypes.IPCTNL_MSG_CT_GET,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
    };

    private static NetlinkMessageFlags CreationFlags(FlowOperation operation) => operation switch
    {
        FlowOperation.Create => NetlinkMessageFlags.NLM_F_CREATE | NetlinkMessageFlags.NLM_F_EXCL,
        FlowOperation.Add => NetlinkMessageFlags.NLM_F_CREATE,
        _ => 0,
    };

    private static void Encode(NetlinkWriter writer, FlowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Flow, nameof(request));
        switch (request.Operation)
        {
            case FlowOperation.Delete:
                FlowEncoder.WriteDelete(writer, request.Flow);
                break;
            case FlowOperation.Get:
                FlowEncoder.WriteLookup(writer, request.Flow);
                break;
            default:
                FlowEncoder.WriteNew(writer, request.Flow);
                break;
        }
    }

    /// <summary>The request connection, its receive buffer raised once to hold every answer to a window.</summary>
    private NetlinkConnection PipelineConnection()
    {
        NetlinkConnection connection = RequestConnection;
        if (!_pipelineBufferRaised)
        {
            _pipelineBufferRaised = true;
            int wanted = PipelineWindowRequests * (GetReplyQueueCost + ErrorQueueCost);
            if (connection.Socket.ReceiveBufferSize < wanted)
            {
                connection.Socket.SetReceiveBufferSize(wanted);
            }
        }

        return connection;
    }

    /// <summary>The requests of one datagram, and their answers once it is sent.</summary>
    private sealed class PipelineWindow(NetlinkWriter writer, Func<FlowResponse, bool> onResponse)
    {
        private readonly List<FlowRequest> _requests = new(PipelineWindowRequests);
        private readonly uint[] _sequences = new uint[PipelineWindowRequests];
        private readonly int[] _errnos = new int[PipelineWindowRequests];
        private readonly string?[] _texts = new string?[PipelineWindowRequests];
        private readonly Flow?[] _entries = new Flow?[PipelineWindowRequests];
        private readonly byte[] _answers = GC.AllocateUninitializedArray<byte>(AnswerBufferBytes);
        private int _firstIndex;

        public int Count => _requests.Count;

        public int QueueBytes { get; private set; }

        public void Add(FlowRequest request, uint sequence, int queueCost)
        {
            _sequences[_requests.Count] = sequence;
            _requests.Add(request);
            QueueBytes += queueCost;
        }

        /// <summary>Sends the datagram, reports its answers, and empties the window.</summary>
        /// <returns>False when <c>onResponse</c> asked to stop.</returns>
        public bool Run(INetlinkSocket socket)
        {
            socket.Send(writer.WrittenSpan);
            CollectAnswers(socket);

            bool keepGoing = true;
            for (int i = 0; i < _requests.Count; i++)
            {
                // Without CAP_NET_ADMIN nfnetlink refuses the datagram's first request and drops
                // the others unread: they are refused as well.
                int errno = _errnos[0] == (int)Errno.EPERM ? _errnos[0] : _errnos[i];
                if (errno == 0 && _requests[i].Operation == FlowOperation.Get && _entries[i] is null)
                {
                    throw new NetlinkDecodeException("a GET of the pipeline was answered with neither an entry nor an error");
                }

                var response = new FlowResponse(_firstIndex + i, _requests[i], errno, _texts[i], errno == 0 ? _entries[i] : null);
                keepGoing &= onResponse(response);
            }

            _firstIndex += _requests.Count;
            Array.Clear(_errnos, 0, _requests.Count);
            Array.Clear(_texts, 0, _requests.Count);
            Array.Clear(_entries, 0, _requests.Count);
            _requests.Clear();
            QueueBytes = 0;
            writer.Reset();
            return keepGoing;
        }

        /// <summary>Reads every answer already queued: refusals, and the entries GETs asked for.</summary>
        /// <exception cref="NetlinkException">ENOBUFS: the queue overflowed and answers were lost.</exception>
        private void CollectAnswers(INetlinkSocket socket)
        {
            int hint = 0;
            while (true)
            {
                int received = socket.Receive(_answers, NetlinkReceiveFlags.DontWait, out uint sender);
                if (received < 0)
                {
                    return;
                }

                if (received > _answers.Length)
                {
                    throw new NetlinkDecodeException($"netlink answer of {received} bytes was truncated to {_answers.Length}");
                }

                if (sender != 0)
                {
                    continue;
                }

                var reader = new NetlinkMessageReader(_answers.AsSpan(0, received));
                while (reader.Next())
                {
                    NetlinkMessage message = reader.Current;
                    int i = SlotOf(message.Sequence, hint);
                    if (i < 0)
                    {
                        // Not an answer to this window: a late answer to an earlier exchange.
                        continue;
                    }

                    hint = i;
                    if (message.Type == NetlinkMessageTypes.NLMSG_ERROR)
                    {
                        NetlinkAck ack = NetlinkAck.Parse(message);
                        _errnos[i] = ack.Errno;
                        _texts[i] = ack.ExtendedAckMessage;
                    }
                    else if (message.Type >= NetlinkMessageTypes.NLMSG_MIN_TYPE && _requests[i].Operation == FlowOperation.Get)
                    {
                        _entries[i] = FlowDecoder.Decode(message);
                    }
                }
            }
        }

        // Answers come in request order, so the slot is almost always at or just after the hint.
        private int SlotOf(uint sequence, int hint)
        {
            for (int i = hint; i < _requests.Count; i++)
            {
                if (_sequences[i] == sequence)
                {
                    return i;
                }
            }

            return Array.IndexOf(_sequences, sequence, 0, Math.Min(hint, _requests.Count));
        }
    }
}
