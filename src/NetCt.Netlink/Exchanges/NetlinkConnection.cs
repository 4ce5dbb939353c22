using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// One netlink socket and the exchanges over it: request + ack (<see cref="Transact"/>,
/// <see cref="Execute"/>), streamed dumps (<see cref="Dump"/>), pipelined batches
/// (<see cref="StartBatch"/>) and multicast subscriptions (<see cref="Subscribe"/>). Each exchange
/// keeps its own state; the connection's receive core owns one reusable receive buffer, grown when
/// a datagram would not fit, and accepts only messages from the kernel (sender port id 0). Requests,
/// dumps and batches further accept only their own sequence numbers, plus (requests) the kernel's
/// sequence-0 notifications addressed to this socket (NLM_F_ECHO). One exchange at a time: starting
/// one drains a dump that was not read to its end. Not thread-safe. Use a separate connection for a
/// subscription.
/// </summary>
public sealed class NetlinkConnection : IDisposable
{
    /// <summary>Smallest receive buffer: the kernel fills dump datagrams up to 32 KiB once it has seen a reader that large.</summary>
    public const int MinimumReceiveBufferSize = 32 * 1024;

    /// <summary>
    /// Largest datagram the receive buffer grows for. ctnetlink's replies are at most a page or a
    /// 32 KiB dump part (an error echoes at most the request); anything larger is not believed: one
    /// from another sender is dropped, one from the kernel is a decode error.
    /// </summary>
    public const int MaximumDatagramSize = 1024 * 1024;

    private readonly NetlinkReceiver _receiver;

    /// <summary>Creates a connection over a socket.</summary>
    /// <param name="socket">The socket (a <see cref="NetlinkSocket"/>, or a fake in tests).</param>
    /// <param name="initialSequence">First sequence number; by default the current Unix time, like libmnl.</param>
    /// <param name="receiveBufferSize">Initial receive buffer; at least <see cref="MinimumReceiveBufferSize"/>.</param>
    /// <param name="ownsSocket">Dispose the socket with the connection.</param>
    public NetlinkConnection(INetlinkSocket socket, uint? initialSequence = null, int receiveBufferSize = MinimumReceiveBufferSize, bool ownsSocket = true)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _receiver = new NetlinkReceiver(socket, initialSequence, receiveBufferSize, ownsSocket);
    }

    /// <summary>The socket.</summary>
    public INetlinkSocket Socket => _receiver.Socket;

    /// <summary>The socket's port id.</summary>
    public uint PortId => _receiver.Socket.PortId;

    /// <summary>Current size of the user-space receive buffer.</summary>
    public int ReceiveBufferCapacity => _receiver.Capacity;

    /// <summary>Opens a <see cref="NetlinkSocket"/> and a connection that owns it.</summary>
    /// <param name="protocol">Netlink protocol; NETLINK_NETFILTER for conntrack.</param>
    /// <returns>The connection.</returns>
    public static NetlinkConnection Open(int protocol = NetlinkProtocols.NETLINK_NETFILTER) => new(NetlinkSocket.Open(protocol));

    /// <summary>Allocates the next sequence number (never 0, which the kernel uses for notifications).</summary>
    /// <returns>The sequence number to put in a request.</returns>
    public uint NextSequence() => _receiver.NextSequence();

    /// <summary>
    /// Sends one request (which must carry NLM_F_REQUEST | NLM_F_ACK) and waits for its acknowledgement.
    /// Data replies before the ack (a GET's entry, echoed notifications) go to <paramref name="onReply"/>.
    /// A dump request sent this way streams every part to <paramref name="onReply"/> and ends at NLMSG_DONE.
    /// </summary>
    /// <param name="request">Exactly one message.</param>
    /// <param name="onReply">Receives data messages; may be null.</param>
    /// <returns>The acknowledgement, successful or not; kernel errors are not thrown.</returns>
    /// <exception cref="NetlinkException">A system call failed.</exception>
    public NetlinkAck Transact(ReadOnlySpan<byte> request, NetlinkMessageHandler? onReply = null) =>
        NetlinkTransaction.Run(_receiver, request, onReply);

    /// <summary>Like <see cref="Transact"/>, but throws when the kernel refuses the request.</summary>
    /// <param name="request">Exactly one message with NLM_F_REQUEST | NLM_F_ACK.</param>
    /// <param name="onReply">Receives data messages; may be null.</param>
    /// <exception cref="NetlinkException">The kernel answered with an errno, or a system call failed.</exception>
    public void Execute(ReadOnlySpan<byte> request, NetlinkMessageHandler? onReply = null) =>
        Transact(request, onReply).ThrowIfFailed();

    /// <summary>
    /// Sends a dump request (NLM_F_REQUEST | NLM_F_DUMP) and returns a cursor that streams the
    /// replies. Starting another exchange first drains an unfinished previous dump.
    /// </summary>
    /// <param name="request">Exactly one message.</param>
    /// <param name="readAheadDatagrams">
    /// 0 (default) receives each datagram on the caller's thread when it is needed. A positive
    /// number receives on a dedicated thread, once the first datagram shows that more follow, up to
    /// that many datagrams ahead of the one being read, into 64 KiB buffers: the kernel then walks
    /// the table while the caller decodes. Messages, order, errors and <see cref="NetlinkDump.Interrupted"/>
    /// are the same either way; disposing the dump or the connection stops the thread.
    /// </param>
    /// <returns>The cursor.</returns>
    /// <exception cref="NetlinkException">A system call failed.</exception>
    public NetlinkDump Dump(ReadOnlySpan<byte> request, int readAheadDatagrams = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(readAheadDatagrams);
        NetlinkMessageHeader header = RequestValidation.SingleRequest(request, NetlinkMessageFlags.NLM_F_DUMP);
        var dump = new NetlinkDump(_receiver, header.Sequence, readAheadDatagrams);
        _receiver.Begin(dump);
        _receiver.Socket.Send(request);
        return dump;
    }

    /// <summary>
    /// Starts a pipelined batch: requests are written into windows of up to
    /// <paramref name="maxRequests"/> and <paramref name="maxDatagramBytes"/>, each sent as one
    /// datagram, and every request's answer is reported in request order (see <see cref="NetlinkBatch"/>).
    /// </summary>
    /// <param name="onAnswer">Receives one answer per request: its NLMSG_ERROR, or success when the kernel sent none.</param>
    /// <param name="onReply">Receives the data replies (a GET's entry) with the index of their request; may be null.</param>
    /// <param name="maxRequests">Most requests in one datagram.</param>
    /// <param name="maxDatagramBytes">Size at which a datagram is closed.</param>
    /// <param name="receiveQueueBytes">Receive buffer to ask the kernel for, if the socket's is smaller, so that a window's answers fit.</param>
    /// <returns>The batch; dispose it when done.</returns>
    /// <exception cref="NetlinkException">Reading or raising the receive buffer size failed.</exception>
    public NetlinkBatch StartBatch(
        NetlinkAckHandler onAnswer,
        NetlinkBatchReplyHandler? onReply = null,
        int maxRequests = NetlinkBatch.DefaultMaxRequests,
        int maxDatagramBytes = NetlinkBatch.DefaultMaxDatagramBytes,
        int receiveQueueBytes = 0)
    {
        _receiver.ThrowIfDisposed();
        return new NetlinkBatch(_receiver, onAnswer, onReply, maxRequests, maxDatagramBytes, receiveQueueBytes);
    }

    /// <summary>Joins multicast groups and returns a cursor over the notifications.</summary>
    /// <param name="groups">Groups to join, such as NFNLGRP_CONNTRACK_NEW.</param>
    /// <returns>The subscription; dispose it to leave the groups.</returns>
    /// <exception cref="NetlinkException">Joining failed (EPERM without CAP_NET_ADMIN).</exception>
    public NetlinkSubscription Subscribe(params ReadOnlySpan<uint> groups)
    {
        _receiver.Begin(null);
        var subscription = new NetlinkSubscription(_receiver);
        foreach (uint group in groups)
        {
            subscription.Join(group);
        }

        return subscription;
    }

    /// <summary>Stops a running dump's read-ahead thread, then disposes the socket if the connection owns it.</summary>
    public void Dispose() => _receiver.Dispose();
}
