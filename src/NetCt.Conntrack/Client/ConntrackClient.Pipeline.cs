using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <content>Pipelined requests of any kind, answered one by one in order.</content>
public sealed partial class ConntrackClient
{
    // Requests in flight at once. The kernel runs every request of a datagram even after one of them
    // fails, so the window bounds how much of the input is applied past a refusal; a small window
    // costs little, since every answer is read with its own recvmsg whatever the window.
    private const int PipelineWindowRequests = 256;

    // Receive-queue room (skb truesize) one answer may take. The kernel drops answers beyond
    // SO_RCVBUF, so a window never asks for more than the buffer holds: an acknowledgement that
    // echoes its refused request takes about 1.2 KiB, a GET's reply a page (NLMSG_DEFAULT_SIZE).
    private const int AcknowledgementQueueCost = 2048;
    private const int GetReplyQueueCost = 8192;

    private bool _pipelineBufferRaised;

    /// <summary>
    /// Sends requests pipelined, a window of up to 256 at a time in as few datagrams as fit, matches
    /// the answers by sequence number and reports every one of them, in request order, to
    /// <paramref name="onResponse"/>. <paramref name="requests"/> is read lazily, at most one window
    /// ahead of the answers, so it can be a <see cref="Dump"/> that is still running.
    /// </summary>
    /// <remarks>
    /// The kernel handles each request of a window even when an earlier one failed. When
    /// <paramref name="onResponse"/> returns false the pipeline stops after the current window: the
    /// requests already sent with it are still answered and reported, nothing further is read or sent.
    /// </remarks>
    /// <param name="requests">The requests, in the order the kernel is to handle them.</param>
    /// <param name="onResponse">Receives each answer; returns false to stop after the current window.</param>
    /// <exception cref="NetlinkException">A system call failed, or acknowledgements were lost.</exception>
    /// <exception cref="NetlinkDecodeException">A GET's answer does not decode.</exception>
    public void Pipeline(IEnumerable<FlowRequest> requests, Func<FlowResponse, bool> onResponse)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(onResponse);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var writer = new NetlinkWriter(64 * 1024);
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
            if (window.Count == PipelineWindowRequests || (window.Count > 0 && window.QueueBytes + cost > queueBudget))
            {
                if (!window.Run(connection))
                {
                    return;
                }
            }

            BeginRequest(writer, connection, MessageType(request.Operation), RequestFlags | CreationFlags(request.Operation), FlowEncoder.FamilyOf(request.Flow));
            Encode(writer, request);
            writer.EndMessage();
            window.Add(request, cost);
        }

        if (connection is not null && window.Count > 0)
        {
            window.Run(connection);
        }
    }

    private static int QueueCost(FlowOperation operation) =>
        operation == FlowOperation.Get ? GetReplyQueueCost + AcknowledgementQueueCost : AcknowledgementQueueCost;

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

    /// <summary>The request connection, its receive buffer raised once to hold a whole window of answers.</summary>
    private NetlinkConnection PipelineConnection()
    {
        NetlinkConnection connection = RequestConnection;
        if (!_pipelineBufferRaised)
        {
            _pipelineBufferRaised = true;
            int wanted = PipelineWindowRequests * (GetReplyQueueCost + AcknowledgementQueueCost);
            if (connection.Socket.ReceiveBufferSize < wanted)
            {
                connection.Socket.SetReceiveBufferSize(wanted);
            }
        }

        return connection;
    }

    /// <summary>The requests written but not yet sent, and their answers as they arrive.</summary>
    private sealed class PipelineWindow(NetlinkWriter writer, Func<FlowResponse, bool> onResponse)
    {
        private readonly List<FlowRequest> _requests = new(PipelineWindowRequests);
        private readonly Flow?[] _entries = new Flow?[PipelineWindowRequests];
        private int _firstIndex;
        private int _replyHint;
        private bool _continue = true;

        public int Count => _requests.Count;

        public int QueueBytes { get; private set; }

        public void Add(FlowRequest request, int queueCost)
        {
            _requests.Add(request);
            QueueBytes += queueCost;
        }

        /// <summary>Sends the window, reports its answers, and empties it.</summary>
        /// <returns>False when <c>onResponse</c> asked to stop.</returns>
        public bool Run(NetlinkConnection connection)
        {
            connection.ExecuteBatch(writer.WrittenSpan, OnAck, OnReply);
            _firstIndex += _requests.Count;
            _requests.Clear();
            Array.Clear(_entries);
            _replyHint = 0;
            QueueBytes = 0;
            writer.Reset();
            return _continue;
        }

        // A GET's entry arrives just before its acknowledgement; anything else here (an echo of
        // another process's change addressed to this socket) is not an answer.
        private void OnReply(NetlinkMessage message)
        {
            for (int i = _replyHint; i < _requests.Count; i++)
            {
                if (writer.GetSequence(i) == message.Sequence)
                {
                    _replyHint = i;
                    if (_requests[i].Operation == FlowOperation.Get)
                    {
                        _entries[i] = FlowDecoder.Decode(message);
                    }

                    return;
                }
            }
        }

        private void OnAck(NetlinkAck ack)
        {
            int i = ack.Index;
            var response = new FlowResponse(_firstIndex + i, _requests[i], ack.Errno, ack.ExtendedAckMessage, ack.IsSuccess ? _entries[i] : null);
            if (!onResponse(response))
            {
                _continue = false;
            }
        }
    }
}
