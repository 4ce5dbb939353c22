using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// Receives the datagrams of one running dump on a dedicated thread into a few buffers, while
/// the dump's reader decodes the previous ones. The kernel builds each dump datagram inside
/// the recvmsg that dequeues the one before it, so on a machine with two cores the table walk
/// overlaps the caller's decoding and formatting. Memory stays bounded: the receiver waits once it
/// is a fixed number of datagrams ahead of the reader. The thread stops after the datagram that
/// ends the dump (NLMSG_DONE, NLMSG_ERROR or NLMSG_OVERRUN with the dump's sequence), on a
/// receive error (handed to the reader after the datagrams before it), or when disposed.
/// </summary>
/// <remarks>
/// A buffer the reader gives back is the next one filled (last in, first out), and a new one is
/// allocated only when none is free: while the reader keeps up, the same few buffers go round,
/// still in the cache when the kernel copies the next datagram into them, and the memory of the
/// full read-ahead is never touched.
/// </remarks>
internal sealed class DumpReadAhead : IDisposable
{
    /// <summary>
    /// Size of each buffer. The kernel never builds a dump datagram larger than 32 KiB
    /// (netlink_recvmsg caps max_recvmsg_len at SKB_WITH_OVERHEAD(32768)), and the other kernel
    /// messages a dump socket gets (the request's ack) are smaller still, so with twice that room
    /// each datagram is read directly, without first peeking at its length.
    /// </summary>
    public const int BufferSize = 64 * 1024;

    // How long one wait for a queued datagram lasts before the receiver checks for disposal; the
    // kernel queues the next dump datagram before recvmsg returns, so this wait is rarely reached.
    private const int PollSliceMilliseconds = 50;

    private readonly INetlinkSocket _socket;
    private readonly uint _sequence;
    private readonly int _ahead;

    // How many datagrams wake a sleeping reader. The reader is faster than the kernel, so it
    // catches up and sleeps once per datagram when woken for each: every wake-up is a futex call
    // on one side and a context switch on the other. Woken for four at a time, -L of 200,000
    // entries took 0.453 s of CPU instead of 0.465 (and no more wall time, with -m 3 too). A
    // reader that finds a datagram queued takes it without waiting for more, and one asleep is
    // woken for fewer when the receiver has to wait for the kernel.
    private const int WakeBatch = 4;
    private readonly int _wakeBatch;

    // Datagram i is in _queued[i % _queued.Length] until the reader takes it.
    private readonly byte[][] _queued;
    private readonly int[] _lengths;

    // Buffers given back by the reader, the latest on top; guarded by itself.
    private readonly Stack<byte[]> _free = new();

    // The buffer of the datagram the reader took last: it is given back with the next take.
    private byte[]? _held;
    private readonly Thread _thread;
    private readonly object _gate = new();

    // Datagrams received so far (written by the receiver) and taken by the reader (written by the
    // reader). The receiver receives while received - taken is below the read-ahead, so at most
    // the read-ahead plus the one the reader holds are ever in use, and queue slot
    // received % (read-ahead + 1) is free.
    private long _received;
    private long _taken;
    private volatile bool _receiverDone;

    // Set while the receiver waits for the kernel: the reader then takes fewer than a batch.
    private volatile bool _receiverWaiting;
    private volatile bool _disposed;
    private int _sleepers;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Starts the receiver thread.</summary>
    /// <param name="socket">The dump's socket; nothing else may use it until this is disposed.</param>
    /// <param name="sequence">nlmsg_seq of the dump request.</param>
    /// <param name="ahead">Most datagrams received and not yet taken by the reader (at least 1).</param>
    public DumpReadAhead(INetlinkSocket socket, uint sequence, int ahead)
    {
        _socket = socket;
        _sequence = sequence;
        _ahead = Math.Max(ahead, 1);
        _wakeBatch = Math.Min(WakeBatch, _ahead); // more could never be queued
        _queued = new byte[_ahead + 1][];
        _lengths = new int[_ahead + 1];

        _thread = new Thread(Receive, maxStackSize: 256 * 1024) { IsBackground = true, Name = "netlink dump" };
        _thread.Start();
    }

    /// <summary>
    /// True if <paramref name="datagram"/> holds the message that ends the dump with sequence
    /// <paramref name="sequence"/>, or does not frame cleanly (the reader reports that; nothing
    /// after it can be trusted).
    /// </summary>
    /// <param name="datagram">One received datagram.</param>
    /// <param name="sequence">The dump's sequence number.</param>
    /// <returns>Whether no datagram of the dump follows it.</returns>
    public static bool EndsDump(ReadOnlySpan<byte> datagram, uint sequence)
    {
        int offset = 0;
        while (datagram.Length - offset >= NetlinkMessageHeader.Size)
        {
            ReadOnlySpan<byte> header = datagram[offset..];
            uint length = MemoryMarshal.Read<uint>(header);
            if (length < NetlinkMessageHeader.Size || length > (uint)(datagram.Length - offset))
            {
                return true;
            }

            ushort type = MemoryMarshal.Read<ushort>(header[4..]);
            if (MemoryMarshal.Read<uint>(header[8..]) == sequence
                && type is NetlinkMessageTypes.NLMSG_DONE or NetlinkMessageTypes.NLMSG_ERROR or NetlinkMessageTypes.NLMSG_OVERRUN)
            {
                return true;
            }

            offset += NetlinkAlignment.Align((int)length);
        }

        return offset < datagram.Length;
    }

    /// <summary>
    /// Waits for the next datagram and hands it over; the one taken before is given back (its
    /// buffer may be refilled from now on).
    /// </summary>
    /// <param name="buffer">The buffer holding the datagram.</param>
    /// <param name="length">The datagram's length.</param>
    /// <returns>False when the receiver stopped after the datagram that ended the dump.</returns>
    /// <exception cref="NetlinkException">Receiving failed (rethrown from the receiver thread).</exception>
    /// <exception cref="NetlinkDecodeException">The kernel sent a datagram larger than <see cref="BufferSize"/>.</exception>
    public bool TryTake(out byte[] buffer, out int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_taken == Volatile.Read(ref _received))
        {
            WaitUntil(static self => Volatile.Read(ref self._received) - self._taken >= self._wakeBatch
                || (self._receiverWaiting && Volatile.Read(ref self._received) > self._taken)
                || self._receiverDone);
        }

        if (_taken < Volatile.Read(ref _received))
        {
            int slot = (int)(_taken % _queued.Length);
            buffer = _queued[slot];
            length = _lengths[slot];
            if (_held is { } given)
            {
                lock (_free)
                {
                    _free.Push(given);
                }
            }

            _held = buffer;

            // A release write: this slot is read before the receiver may fill it again (the buffer
            // given back went to the receiver through the free stack's lock).
            Volatile.Write(ref _taken, _taken + 1);
            WakeSleepers();
            return true;
        }

        _failure?.Throw();
        buffer = [];
        length = 0;
        return false;
    }

    /// <summary>Stops the receiver thread and waits for it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        WakeSleepers();
        _thread.Join();
    }

    private void Receive()
    {
        try
        {
            while (true)
            {
                WaitUntil(static self => self._received - Volatile.Read(ref self._taken) < self._ahead || self._disposed);
                if (_disposed)
                {
                    return;
                }

                int slot = (int)(_received % _queued.Length);
                byte[] buffer = FreeBuffer();
                int length = ReceiveFromKernel(buffer);
                if (length < 0)
                {
                    return;
                }

                bool last = EndsDump(buffer.AsSpan(0, length), _sequence);
                _queued[slot] = buffer;
                _lengths[slot] = length;
                Volatile.Write(ref _received, _received + 1);
                if (last || _received - Volatile.Read(ref _taken) >= _wakeBatch)
                {
                    WakeSleepers();
                }

                if (last)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _receiverDone = true;
            WakeSleepers();
        }
    }

    /// <summary>
    /// Waits until <paramref name="ready"/> holds, asleep. Each side usually waits a good part of
    /// the other's work (the reader, faster than the kernel, waits for nearly every batch of
    /// <see cref="WakeBatch"/> datagrams); spinning through that time, as an earlier version did,
    /// doubled the dump's CPU time for no gain in wall time: a wake-up costs a few microseconds,
    /// and a sleeping reader is only late when it has nothing to read anyway, since the receiver
    /// keeps reading ahead.
    /// </summary>
    private void WaitUntil(Func<DumpReadAhead, bool> ready)
    {
        if (ready(this))
        {
            return;
        }

        lock (_gate)
        {
            // The increment is a full fence: either WakeSleepers sees it, or the check below sees
            // the state published before WakeSleepers ran (which then waits for the lock, so its
            // pulse cannot come before Wait).
            Interlocked.Increment(ref _sleepers);
            while (!ready(this))
            {
                Monitor.Wait(_gate);
            }

            _sleepers--;
        }
    }

    private void WakeSleepers()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The buffer the reader gave back last, or a new one when it holds all there are.</summary>
    private byte[] FreeBuffer()
    {
        lock (_free)
        {
            if (_free.TryPop(out byte[]? buffer))
            {
                return buffer;
            }
        }

        // On the pinned heap: long-lived buffers in gen0 would be copied by every collection and
        // raise the survival rate, which makes the collector grow gen0 (and the RSS).
        return GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);
    }

    /// <summary>Reads the next kernel datagram into <paramref name="buffer"/>; datagrams from other senders are dropped.</summary>
    /// <returns>Its length, or -1 once disposed.</returns>
    private int ReceiveFromKernel(byte[] buffer)
    {
        while (true)
        {
            int length = _socket.Receive(buffer.AsSpan(0, BufferSize), NetlinkReceiveFlags.DontWait, out uint sender);
            if (length < 0)
            {
                if (_disposed)
                {
                    return -1;
                }

                // Nothing more from the kernel yet: a reader asleep until a batch is queued takes
                // what there is now, rather than wait for datagrams that may be slow to come.
                _receiverWaiting = true;
                if (Volatile.Read(ref _received) > Volatile.Read(ref _taken))
                {
                    WakeSleepers();
                }

                _socket.WaitForReceive(PollSliceMilliseconds);
                _receiverWaiting = false;
                continue;
            }

            if (sender != 0)
            {
                continue;
            }

            if (length > BufferSize)
            {
                throw new NetlinkDecodeException($"netlink datagram of {length} bytes was truncated to {BufferSize}");
            }

            return length;
        }
    }
}
