using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <content>Pipelined requests of any kind, answered one by one in order.</content>
public sealed partial class ConntrackClient
{
    // Receive-queue room (skb truesize) a GET's reply takes besides a possible refusal: a page
    // (NLMSG_DEFAULT_SIZE). The kernel drops answers beyond SO_RCVBUF, so a window never asks for
    // more than the buffer holds.
    private const int GetReplyQueueCost = 8192;

    // The receive buffer asked for, so that a full window of GETs fits.
    private const int PipelineReceiveQueueBytes = NetlinkBatch.DefaultMaxRequests * (GetReplyQueueCost + NetlinkBatch.ErrorAnswerBytes);

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
        PipelineWindow? window = null;
        try
        {
            foreach (FlowRequest request in requests)
            {
                ArgumentNullException.ThrowIfNull(request.Flow, nameof(requests));
                window ??= new PipelineWindow(RequestConnection, onResponse);
                if (!window.Add(request))
                {
                    return;
                }
            }

            window?.Send();
        }
        finally
        {
            window?.Dispose();
        }
    }

    private static int QueueCost(FlowOperation operation) =>
        operation == FlowOperation.Get ? GetReplyQueueCost + NetlinkBatch.ErrorAnswerBytes : NetlinkBatch.ErrorAnswerBytes;

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

    /// <summary>The flow requests of the batch's window, turned into responses as the batch reports its answers.</summary>
    private sealed class PipelineWindow : IDisposable
    {
        private readonly NetlinkBatch _batch;
        private readonly Func<FlowResponse, bool> _onResponse;
        private readonly List<FlowRequest> _requests = new(NetlinkBatch.DefaultMaxRequests);
        private readonly Flow?[] _entries = new Flow?[NetlinkBatch.DefaultMaxRequests];
        private bool _keepGoing = true;

        public PipelineWindow(NetlinkConnection connection, Func<FlowResponse, bool> onResponse)
        {
            _onResponse = onResponse;
            _batch = connection.StartBatch(OnAnswer, OnReply, receiveQueueBytes: PipelineReceiveQueueBytes);
        }

        /// <summary>Adds a request, sending the window first when it does not fit.</summary>
        /// <returns>False when <c>onResponse</c> asked to stop: the request was not added.</returns>
        public bool Add(FlowRequest request)
        {
            int cost = QueueCost(request.Operation);
            if (!_batch.HasRoomFor(cost) && !Send())
            {
                return false;
            }

            NetlinkWriter writer = _batch.BeginRequest(
                NfnlMessageType.Compose(NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK, (byte)MessageType(request.Operation)),
                CreationFlags(request.Operation),
                (byte)FlowEncoder.FamilyOf(request.Flow),
                answerBytes: cost);
            Encode(writer, request);
            writer.EndMessage();
            _requests.Add(request);
            return true;
        }

        /// <summary>Sends the window and reports its answers.</summary>
        /// <returns>False when <c>onResponse</c> asked to stop.</returns>
        public bool Send()
        {
            try
            {
                _batch.Send();
            }
            finally
            {
                Array.Clear(_entries, 0, _requests.Count);
                _requests.Clear();
            }

            return _keepGoing;
        }

        public void Dispose() => _batch.Dispose();

        private void OnReply(int index, NetlinkMessage message)
        {
            int slot = index - _batch.WindowStart;
            if (_requests[slot].Operation == FlowOperation.Get)
            {
                _entries[slot] = FlowDecoder.Decode(message);
            }
        }

        private void OnAnswer(NetlinkAck answer)
        {
            int slot = answer.Index - _batch.WindowStart;
            FlowRequest request = _requests[slot];
            if (answer.IsSuccess && request.Operation == FlowOperation.Get && _entries[slot] is null)
            {
                throw new NetlinkDecodeException("a GET of the pipeline was answered with neither an entry nor an error");
            }

            var response = new FlowResponse(answer.Index, request, answer.Errno, answer.ExtendedAckMessage, answer.IsSuccess ? _entries[slot] : null);
            _keepGoing &= _onResponse(response);
        }
    }
}
