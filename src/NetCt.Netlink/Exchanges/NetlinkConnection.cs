using System.Buffers;
using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// The exchanges over one netlink socket: request + ack (<see cref="Transact"/>, <see cref="Execute"/>),
/// streamed dumps (<see cref="Dump"/>), pipelined batches (<see cref="ExecuteBatch"/>) and multicast
/// subscriptions (<see cref="Subscribe"/>). It owns one reusable receive buffer, grown when a datagram
/// would not fit. Only messages from the kernel (sender port id 0) are accepted; requests, dumps and
/// batches further accept only their own sequence numbers, plus the kernel's sequence-0 notifications
/// addressed to this socket (NLM_F_ECHO). One exchange at a time; not thread-safe. Use a separate
/// connection for a subscription.
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

    // Each acknowledgement is a separate small skb whose truesize (kmalloc'd head plus struct
    // sk_buff) is about 768-1024 bytes; the kernel drops replies once the queued truesize exceeds
    // SO_RCVBUF, so the batch window is the receive buffer divided by this.
    private const int AckQueueCost = 1024;

    private readonly INetlinkSocket _socket;
    private readonly bool _ownsSocket;
    private byte[] _buffer;

    // The datagram being read: _buffer, or a read-ahead buffer while a dump reads ahead.
    private byte[] _datagram;
    private int _datagramLength;
    private int _readOffset;
    private uint _datagramSender;
    private uint _nextSequence;
    private NetlinkDump? _activeDump;
    private bool _disposed;

    /// <summary>Creates a connection over a socket.</summary>
    /// <param name="socket">The socket (a <see cref="NetlinkSocket"/>, or a fake in tests).</param>
    /// <param name="initialSequence">First sequence number; by default the current Unix time, like libmnl.</param>
    /// <param name="receiveBufferSize">Initial receive buffer; at least <see cref="MinimumReceiveBufferSize"/>.</param>
    /// <param name="ownsSocket">Dispose the socket with the connection.</param>
    public NetlinkConnection(INetlinkSocket socket, uint? initialSequence = null, int receiveBufferSize = MinimumReceiveBufferSize, bool ownsSocket = true)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _ownsSocket = ownsSocket;
        _buffer = GC.AllocateUninitializedArray<byte>(Math.Max(receiveBufferSize, MinimumReceiveBufferSize));
        _datagram = _buffer;
        _nextSequence = initialSequence ?? (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (_nextSequence == 0)
        {
            _nextSequence = 1;
        }
    }

    /// <summary>The socket.</summary>
    public INetlinkSocket Socket => _socket;

    /// <summary>The socket's port id.</summary>
    public uint PortId => _socket.PortId;

    /// <summary>Current size of the user-space receive buffer.</summary>
    public int ReceiveBufferCapacity => _buffer.Length;

    /// <summary>Most request bytes a batch sends in one datagram before collecting their acks (default 64 KiB).</summary>
    public int BatchMaxBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Most requests of a batch in flight at once; 0 (default) derives it from the socket's receive
    /// buffer so the kernel never has to drop an acknowledgement. Set it lower when requests are echoed.
    /// </summary>
    public int BatchMaxMessages { get; set; }

    /// <summary>
    /// How long a batch waits for acknowledgements that are not already queued. The kernel handles
    /// netlink requests inside sendmsg, so every ack is normally queued before the send returns; a
    /// missing one means the kernel stopped processing the datagram (for example EPERM).
    /// </summary>
    public int BatchAckTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>Opens a <see cref="NetlinkSocket"/> and a connection that owns it.</summary>
    /// <param name="protocol">Netlink protocol; NETLINK_NETFILTER for conntrack.</param>
    /// <returns>The connection.</returns>
    public static NetlinkConnection Open(int protocol = NetlinkProtocols.NETLINK_NETFILTER) => new(NetlinkSocket.Open(protocol));

    /// <summary>Allocates the next sequence number (never 0, which the kernel uses for notifications).</summary>
    /// <returns>The sequence number to put in a request.</returns>
    public uint NextSequence()
    {
        uint sequence = _nextSequence;
        _nextSequence = sequence == uint.MaxValue ? 1 : sequence + 1;
        return sequence;
    }

    /// <summary>
    /// Sends one request (which must carry NLM_F_REQUEST | NLM_F_ACK) and waits for its acknowledgement.
    /// Data replies before the ack (a GET's entry, echoed notifications) go to <paramref name="onReply"/>.
    /// A dump request sent this way streams every part to <paramref name="onReply"/> and ends at NLMSG_DONE.
    /// </summary>
    /// <param name="request">Exactly one message.</param>
    /// <param name="onReply">Receives data messages; may be null.</param>
    /// <returns>The acknowledgement, successful or not; kernel errors are not thrown.</returns>
    /// <exception cref="NetlinkException">A system call failed.</exception>
    public NetlinkAck Transact(ReadOnlySpan<byte> request, NetlinkMessageHandler? onReply = null)
    {
        NetlinkMessageHeader header = ValidateSingleRequest(request, NetlinkMessageFlags.NLM_F_ACK);
        BeginExchange();
        _socket.Send(request);
        while (true)
        {
            if (!TryTakeMessage(out int start, out int length))
            {
                ReceiveDatagram(dontWait: false);
                continue;
            }

            NetlinkMessage message = MessageAt(start, length);
            if (message.Sequence != header.Sequence)
            {
                if (IsEcho(message))
                {
                    onReply?.Invoke(message);
                }

                continue;
            }

            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_ERROR:
                    DiscardDatagram();
                    return NetlinkAck.Parse(message);
                case NetlinkMessageTypes.NLMSG_DONE:
                    DiscardDatagram();
                    return NetlinkAck.ParseDone(message);
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    throw OverrunException();
                case NetlinkMessageTypes.NLMSG_NOOP:
                    break;
                default:
                    onReply?.Invoke(message);
                    break;
            }
        }
    }

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
        NetlinkMessageHeader header = ValidateSingleRequest(request, NetlinkMessageFlags.NLM_F_DUMP);
        BeginExchange();
        _socket.Send(request);
        var dump = new NetlinkDump(this, header.Sequence, readAheadDatagrams);
        _activeDump = dump;
        return dump;
    }

    /// <summary>
    /// Pipelines many requests (each with NLM_F_REQUEST | NLM_F_ACK, back to back as a
    /// <see cref="NetlinkWriter"/> builds them): sends them in datagrams of up to
    /// <see cref="BatchMaxBytes"/> and <see cref="BatchMaxMessages"/>, collects each window's acks
    /// before sending more, and reports every ack, in order, to <paramref name="onAck"/>.
    /// </summary>
    /// <param name="requests">The requests.</param>
    /// <param name="onAck">Receives one acknowledgement per request.</param>
    /// <param name="onReply">Receives data replies (echoes arrive just before their request's ack); may be null.</param>
    /// <returns>How many succeeded and failed.</returns>
    /// <exception cref="NetlinkException">
    /// A system call failed, the receive queue overflowed (ENOBUFS: acks were lost), or the kernel
    /// stopped acknowledging part of a datagram (the errno of the last failed ack, or ETIMEDOUT).
    /// </exception>
    public NetlinkBatchResult ExecuteBatch(ReadOnlySpan<byte> requests, NetlinkAckHandler onAck, NetlinkMessageHandler? onReply = null)
    {
        ArgumentNullException.ThrowIfNull(onAck);
        int total = CountBatchRequests(requests);
        BeginExchange();
        if (total == 0)
        {
            return default;
        }

        int window = BatchMaxMessages > 0 ? BatchMaxMessages : Math.Max(1, _socket.ReceiveBufferSize / AckQueueCost);
        window = Math.Min(window, total);
        uint[] sequences = ArrayPool<uint>.Shared.Rent(window);
        bool[] acknowledged = ArrayPool<bool>.Shared.Rent(window);
        try
        {
            var tally = new BatchTally();
            int offset = 0;
            int index = 0;
            while (offset < requests.Length)
            {
                int chunkStart = offset;
                int firstIndex = index;
                int count = 0;
                while (count < window && MessageFraming.TryFrame(requests, offset, out _, out int next))
                {
                    if (count > 0 && next - chunkStart > BatchMaxBytes)
                    {
                        break;
                    }

                    sequences[count] = MemoryMarshal.Read<uint>(requests[(offset + 8)..]);
                    acknowledged[count] = false;
                    count++;
                    index++;
                    offset = next;
                }

                _socket.Send(requests[chunkStart..offset]);
                CollectAcks(sequences.AsSpan(0, count), acknowledged.AsSpan(0, count), firstIndex, onAck, onReply, ref tally);
            }

            return new NetlinkBatchResult(tally.Succeeded, tally.Failed);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(sequences);
            ArrayPool<bool>.Shared.Return(acknowledged);
        }
    }

    /// <summary>Joins multicast groups and returns a cursor over the notifications.</summary>
    /// <param name="groups">Groups to join, such as NFNLGRP_CONNTRACK_NEW.</param>
    /// <returns>The subscription; dispose it to leave the groups.</returns>
    /// <exception cref="NetlinkException">Joining failed (EPERM without CAP_NET_ADMIN).</exception>
    public NetlinkSubscription Subscribe(params ReadOnlySpan<uint> groups)
    {
        BeginExchange();
        var subscription = new NetlinkSubscription(this);
        foreach (uint group in groups)
        {
            subscription.Join(group);
        }

        return subscription;
    }

    /// <summary>Disposes the socket if the connection owns it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The read-ahead thread must be gone before the descriptor is closed (and maybe reused).
        _activeDump?.StopReadAhead();
        _activeDump = null;
        if (_ownsSocket)
        {
            _socket.Dispose();
        }
    }

    internal bool IsActiveDump(NetlinkDump dump) => ReferenceEquals(_activeDump, dump);

    internal NetlinkMessage MessageAt(int start, int length) => new(_datagram.AsSpan(start, length), _datagramSender);

    internal bool MoveNextDump(NetlinkDump dump)
    {
        if (dump.IsCompleted)
        {
            return false;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsActiveDump(dump))
        {
            throw new InvalidOperationException("another exchange was started on this connection while the dump was running");
        }

        while (true)
        {
            if (!TryTakeMessage(out int start, out int length))
            {
                ReceiveDumpDatagram(dump);
                continue;
            }

            NetlinkMessage message = MessageAt(start, length);
            if (message.Sequence != dump.Sequence)
            {
                continue;
            }

            if ((message.Flags & NetlinkMessageFlags.NLM_F_DUMP_INTR) != 0)
            {
                dump.MarkInterrupted();
            }

            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_DONE:
                    NetlinkAck done = NetlinkAck.ParseDone(message);
                    CompleteDump(dump);
                    done.ThrowIfFailed();
                    return false;
                case NetlinkMessageTypes.NLMSG_ERROR:
                    NetlinkAck error = NetlinkAck.Parse(message);
                    CompleteDump(dump);
                    error.ThrowIfFailed();
                    return false;
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    CompleteDump(dump);
                    throw OverrunException();
                case NetlinkMessageTypes.NLMSG_NOOP:
                    break;
                default:
                    dump.SetCurrent(start, length);
                    return true;
            }
        }
    }

    internal void AbandonDump(NetlinkDump dump)
    {
        if (_disposed || !IsActiveDump(dump) || dump.IsCompleted)
        {
            return;
        }

        try
        {
            Drain(dump);
        }
        catch (NetlinkException)
        {
            // Left active: the next exchange drains again and reports the failure.
        }
    }

    internal bool TryTakeMessage(out int start, out int length)
    {
        ReadOnlySpan<byte> datagram = _datagram.AsSpan(0, _datagramLength);
        if (!MessageFraming.TryFrame(datagram, _readOffset, out length, out int next))
        {
            start = 0;
            return false;
        }

        start = _readOffset;
        _readOffset = next;
        return true;
    }

    /// <summary>
    /// Reads the next datagram from the kernel into the buffer. A zero-length MSG_PEEK|MSG_TRUNC
    /// first learns its size, so a datagram larger than the buffer grows the buffer instead of
    /// losing its tail. Datagrams from other senders are dropped.
    /// </summary>
    /// <param name="dontWait">Return false instead of blocking when nothing is queued.</param>
    /// <param name="learnSizeFirst">
    /// Peek at the size first. Notifications skip it (one system call per event instead of two):
    /// the kernel builds each in an skb of at most NLMSG_GOODSIZE (8 KiB), well inside the buffer.
    /// </param>
    /// <returns>False when <paramref name="dontWait"/> and no kernel datagram is queued.</returns>
    internal bool ReceiveDatagram(bool dontWait, bool learnSizeFirst = true)
    {
        DiscardDatagram();
        NetlinkReceiveFlags wait = dontWait ? NetlinkReceiveFlags.DontWait : NetlinkReceiveFlags.None;
        while (true)
        {
            if (learnSizeFirst)
            {
                int size = _socket.Receive(_buffer.AsSpan(0, 0), NetlinkReceiveFlags.Peek | wait, out _);
                if (size < 0)
                {
                    return false;
                }

                if (size > _buffer.Length && size <= MaximumDatagramSize)
                {
                    _buffer = GC.AllocateUninitializedArray<byte>(Math.Min(Math.Max(NetlinkAlignment.Align(size), _buffer.Length * 2), MaximumDatagramSize));
                }
            }

            // Too large a datagram is still received (truncated), so that it leaves the queue.
            int received = _socket.Receive(_buffer, learnSizeFirst ? NetlinkReceiveFlags.None : wait, out uint sender);
            if (received < 0)
            {
                return false;
            }

            if (sender != 0)
            {
                continue;
            }

            if (received > _buffer.Length)
            {
                throw new NetlinkDecodeException($"netlink datagram of {received} bytes was truncated to {_buffer.Length}");
            }

            _datagram = _buffer;
            _datagramLength = received;
            _readOffset = 0;
            _datagramSender = sender;
            return true;
        }
    }

    /// <summary>
    /// Makes the dump's next datagram current: from its read-ahead thread if one runs, else from
    /// the socket, starting the read-ahead thread when the dump wants one and more datagrams follow.
    /// </summary>
    internal void ReceiveDumpDatagram(NetlinkDump dump)
    {
        if (dump.ReadAhead is { } readAhead)
        {
            bool received;
            try
            {
                received = readAhead.TryTake(out _datagram, out _datagramLength);
            }
            catch
            {
                // The receiver thread has stopped, so the dump cannot go on.
                CompleteDump(dump);
                throw;
            }

            if (!received)
            {
                CompleteDump(dump);
                throw new NetlinkDecodeException("the dump ended without NLMSG_DONE");
            }

            _readOffset = 0;
            _datagramSender = 0;
            return;
        }

        ReceiveDatagram(dontWait: false);
        if (dump.ReadAheadDatagrams > 0 && !DumpReadAhead.EndsDump(_datagram.AsSpan(0, _datagramLength), dump.Sequence))
        {
            dump.ReadAhead = new DumpReadAhead(_socket, dump.Sequence, dump.ReadAheadDatagrams);
        }
    }

    internal void BeginExchange()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_activeDump is { IsCompleted: false } dump)
        {
            Drain(dump);
        }

        _activeDump = null;
        DiscardDatagram();
    }

    private static NetlinkMessageHeader ValidateSingleRequest(ReadOnlySpan<byte> request, NetlinkMessageFlags required)
    {
        if (!TryFrameRequest(request, 0, out int next) || next != request.Length)
        {
            throw new ArgumentException("the request must be exactly one complete netlink message", nameof(request));
        }

        NetlinkMessageHeader header = NetlinkMessageHeader.Read(request);
        RequireFlags(header, NetlinkMessageFlags.NLM_F_REQUEST | required, 0);
        return header;
    }

    private static int CountBatchRequests(ReadOnlySpan<byte> requests)
    {
        int count = 0;
        int offset = 0;
        while (TryFrameRequest(requests, offset, out int next))
        {
            RequireFlags(NetlinkMessageHeader.Read(requests[offset..]), NetlinkMessageFlags.NLM_F_REQUEST | NetlinkMessageFlags.NLM_F_ACK, count);
            count++;
            offset = next;
        }

        return count;
    }

    // Requests come from the caller, so bad framing is an argument error, not a decode error.
    private static bool TryFrameRequest(ReadOnlySpan<byte> requests, int offset, out int next)
    {
        try
        {
            return MessageFraming.TryFrame(requests, offset, out _, out next);
        }
        catch (NetlinkDecodeException e)
        {
            throw new ArgumentException(e.Message, "requests", e);
        }
    }

    private static void RequireFlags(NetlinkMessageHeader header, NetlinkMessageFlags required, int index)
    {
        if ((header.Flags & required) != required)
        {
            throw new ArgumentException(
                $"request {index} (seq {header.Sequence}) needs flags 0x{(ushort)required:x}, has 0x{(ushort)header.Flags:x}", "requests");
        }
    }

    private static int FindSequence(ReadOnlySpan<uint> sequences, uint sequence, int hint)
    {
        // Acks arrive in request order, so the expected one is almost always at the hint.
        if (hint < sequences.Length && sequences[hint] == sequence)
        {
            return hint;
        }

        return sequences.IndexOf(sequence);
    }

    private static NetlinkException OverrunException() =>
        new((int)Errno.ENOBUFS, operation: "receive (NLMSG_OVERRUN)");

    private void CollectAcks(
        ReadOnlySpan<uint> sequences,
        Span<bool> acknowledged,
        int firstIndex,
        NetlinkAckHandler onAck,
        NetlinkMessageHandler? onReply,
        ref BatchTally tally)
    {
        int pending = sequences.Length;
        int hint = 0;
        NetlinkAck lastFailure = default;
        while (pending > 0)
        {
            if (!TryTakeMessage(out int start, out int length))
            {
                if (ReceiveDatagram(dontWait: true) || _socket.WaitForReceive(BatchAckTimeoutMilliseconds))
                {
                    continue;
                }

                throw new NetlinkException(
                    lastFailure.IsSuccess ? (int)Errno.ETIMEDOUT : lastFailure.Errno,
                    lastFailure.ExtendedAckMessage,
                    $"batch ({pending} of {sequences.Length} requests in the datagram were not acknowledged)");
            }

            NetlinkMessage message = MessageAt(start, length);
            int i = FindSequence(sequences, message.Sequence, hint);
            if (i < 0)
            {
                if (IsEcho(message))
                {
                    onReply?.Invoke(message);
                }

                continue;
            }

            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_ERROR:
                    if (acknowledged[i])
                    {
                        break;
                    }

                    acknowledged[i] = true;
                    pending--;
                    hint = i + 1;
                    NetlinkAck ack = NetlinkAck.Parse(message, firstIndex + i);
                    if (ack.IsSuccess)
                    {
                        tally.Succeeded++;
                    }
                    else
                    {
                        tally.Failed++;
                        lastFailure = ack;
                    }

                    onAck(ack);
                    break;
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    throw OverrunException();
                case NetlinkMessageTypes.NLMSG_NOOP:
                case NetlinkMessageTypes.NLMSG_DONE:
                    break;
                default:
                    onReply?.Invoke(message);
                    break;
            }
        }
    }

    private void Drain(NetlinkDump dump)
    {
        try
        {
            while (MoveNextDump(dump))
            {
            }
        }
        catch (NetlinkException) when (dump.IsCompleted)
        {
            // The kernel ended the abandoned dump with an error; nobody is waiting for it.
        }
    }

    // ctnetlink sends notifications with sequence 0 and nlmsg_pid set to the port that caused
    // them; with NLM_F_ECHO the requester gets such a copy before its ack.
    private bool IsEcho(NetlinkMessage message) =>
        message.Sequence == 0 && message.Header.PortId == _socket.PortId && message.Type >= NetlinkMessageTypes.NLMSG_MIN_TYPE;

    private void DiscardDatagram() => _readOffset = _datagramLength;

    /// <summary>Marks the dump finished and stops its read-ahead thread.</summary>
    private void CompleteDump(NetlinkDump dump)
    {
        dump.Complete();
        if (dump.ReadAhead is not null)
        {
            dump.StopReadAhead();
            _datagram = _buffer;
            _datagramLength = 0;
            _readOffset = 0;
        }
    }

    private struct BatchTally
    {
        public int Succeeded;
        public int Failed;
    }
}
