using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// The receive core of a connection, shared by its exchanges: the socket, one reusable receive
/// buffer (grown when a datagram would not fit), the datagram being read and its framing into
/// messages, the sender check (only the kernel, port id 0, is believed), sequence numbers, and
/// which exchange owns the socket. The exchanges (<see cref="NetlinkTransaction"/>,
/// <see cref="NetlinkDump"/>, <see cref="NetlinkBatch"/>, <see cref="NetlinkSubscription"/>) keep
/// their own state and decide which messages are theirs.
/// </summary>
internal sealed class NetlinkReceiver : IDisposable
{
    private readonly INetlinkSocket _socket;
    private readonly bool _ownsSocket;
    private byte[] _buffer;

    // The datagram being read: _buffer, or a dump's read-ahead buffer.
    private byte[] _datagram;
    private int _datagramLength;
    private int _readOffset;
    private uint _datagramSender;
    private uint _nextSequence;
    private IExchange? _active;

    public NetlinkReceiver(INetlinkSocket socket, uint? initialSequence, int receiveBufferSize, bool ownsSocket)
    {
        _socket = socket;
        _ownsSocket = ownsSocket;
        _buffer = GC.AllocateUninitializedArray<byte>(Math.Max(receiveBufferSize, NetlinkConnection.MinimumReceiveBufferSize));
        _datagram = _buffer;
        _nextSequence = initialSequence ?? (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (_nextSequence == 0)
        {
            _nextSequence = 1;
        }
    }

    /// <summary>An exchange that must give way when another one starts on the socket (a dump that is not read to its end).</summary>
    internal interface IExchange
    {
        /// <summary>Another exchange starts: finish with the socket (read what is still queued for this one).</summary>
        void Supersede();

        /// <summary>The connection closes: stop using the socket at once.</summary>
        void Abort();
    }

    public INetlinkSocket Socket => _socket;

    public int Capacity => _buffer.Length;

    public bool IsDisposed { get; private set; }

    /// <summary>The datagram being read.</summary>
    public ReadOnlySpan<byte> Datagram => _datagram.AsSpan(0, _datagramLength);

    /// <summary>Allocates the next sequence number (never 0, which the kernel uses for notifications).</summary>
    public uint NextSequence()
    {
        uint sequence = _nextSequence;
        _nextSequence = sequence == uint.MaxValue ? 1 : sequence + 1;
        return sequence;
    }

    /// <summary>
    /// Starts an exchange: the previous one that still holds the socket gives way (an unfinished
    /// dump is drained), and nothing left of the last datagram is read.
    /// </summary>
    /// <param name="exchange">The exchange that will hold the socket until the next begins, or null for one that ends within its call.</param>
    public void Begin(IExchange? exchange)
    {
        ThrowIfDisposed();
        if (_active is { } previous && !ReferenceEquals(previous, exchange))
        {
            previous.Supersede();
        }

        _active = exchange;
        Discard();
    }

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>Frames the next message of the datagram being read.</summary>
    /// <returns>False at the end of the datagram.</returns>
    /// <exception cref="NetlinkDecodeException">The datagram does not frame cleanly.</exception>
    public bool TryTakeMessage(out int start, out int length)
    {
        if (!MessageFraming.TryFrame(Datagram, _readOffset, out length, out int next))
        {
            start = 0;
            return false;
        }

        start = _readOffset;
        _readOffset = next;
        return true;
    }

    /// <summary>A message framed by <see cref="TryTakeMessage"/>; valid until the next datagram is received.</summary>
    public NetlinkMessage MessageAt(int start, int length) => new(_datagram.AsSpan(start, length), _datagramSender);

    /// <summary>
    /// Reads the next datagram from the kernel into the buffer. A zero-length MSG_PEEK|MSG_TRUNC
    /// first learns its size, so a datagram larger than the buffer grows the buffer instead of
    /// losing its tail. Datagrams from other senders are dropped.
    /// </summary>
    /// <param name="dontWait">Return false instead of blocking when nothing is queued.</param>
    /// <param name="learnSizeFirst">
    /// Peek at the size first. Notifications and batch answers skip it (one system call per
    /// datagram instead of two): the kernel builds each in an skb of at most a page or
    /// NLMSG_GOODSIZE (8 KiB), well inside the buffer.
    /// </param>
    /// <returns>False when <paramref name="dontWait"/> and no kernel datagram is queued.</returns>
    /// <exception cref="NetlinkException">The system call failed (ENOBUFS: the receive queue overflowed).</exception>
    /// <exception cref="NetlinkDecodeException">A kernel datagram larger than <see cref="NetlinkConnection.MaximumDatagramSize"/>, or than the buffer without <paramref name="learnSizeFirst"/>.</exception>
    public bool Receive(bool dontWait, bool learnSizeFirst = true)
    {
        Discard();
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

                if (size > _buffer.Length && size <= NetlinkConnection.MaximumDatagramSize)
                {
                    _buffer = GC.AllocateUninitializedArray<byte>(
                        Math.Min(Math.Max(NetlinkAlignment.Align(size), _buffer.Length * 2), NetlinkConnection.MaximumDatagramSize));
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

            Load(_buffer, received);
            return true;
        }
    }

    /// <summary>Makes a kernel datagram received elsewhere (a dump's read-ahead thread) the one being read.</summary>
    public void Load(byte[] datagram, int length)
    {
        _datagram = datagram;
        _datagramLength = length;
        _readOffset = 0;
        _datagramSender = 0;
    }

    /// <summary>Goes back to the connection's own buffer, with nothing to read (a read-ahead buffer is about to be freed).</summary>
    public void Reset() => Load(_buffer, 0);

    /// <summary>Skips what is left of the datagram being read.</summary>
    public void Discard() => _readOffset = _datagramLength;

    // ctnetlink sends notifications with sequence 0 and nlmsg_pid set to the port that caused
    // them; with NLM_F_ECHO the requester gets such a copy before its ack.
    public bool IsEcho(NetlinkMessage message) =>
        message.Sequence == 0 && message.Header.PortId == _socket.PortId && message.Type >= NetlinkMessageTypes.NLMSG_MIN_TYPE;

    public static NetlinkException OverrunException() => new((int)Errno.ENOBUFS, operation: "receive (NLMSG_OVERRUN)");

    /// <summary>Stops the exchange holding the socket (a dump's read-ahead thread must be gone before the descriptor closes and is reused), then closes it if owned.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        _active?.Abort();
        _active = null;
        if (_ownsSocket)
        {
            _socket.Dispose();
        }
    }
}
