using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// A running dump, streamed one message at a time: <c>while (dump.MoveNext()) Decode(dump.Current);</c>.
/// Nothing is buffered beyond the datagram being read (plus, with read-ahead, a few datagrams
/// received ahead), so a higher layer can wrap it in an <c>IEnumerable&lt;T&gt;</c> iterator. Check
/// <see cref="Interrupted"/> at the end. Disposing an unfinished dump reads and discards the rest,
/// so the socket can serve the next request; so does starting another exchange on the connection.
/// </summary>
public sealed class NetlinkDump : IDisposable, NetlinkReceiver.IExchange
{
    private readonly NetlinkReceiver _receiver;
    private int _currentStart = -1;
    private int _currentLength;
    private bool _superseded;

    internal NetlinkDump(NetlinkReceiver receiver, uint sequence, int readAheadDatagrams)
    {
        _receiver = receiver;
        Sequence = sequence;
        ReadAheadDatagrams = readAheadDatagrams;
    }

    /// <summary>nlmsg_seq of the dump request.</summary>
    public uint Sequence { get; }

    /// <summary>True once NLMSG_DONE (or an error) ended the dump.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>
    /// True if any message carried NLM_F_DUMP_INTR: the table changed while it was dumped, so
    /// entries may be missing or repeated. Final once <see cref="MoveNext"/> has returned false.
    /// </summary>
    public bool Interrupted { get; private set; }

    /// <summary>The current message; valid until the next <see cref="MoveNext"/>.</summary>
    /// <exception cref="InvalidOperationException">No current message.</exception>
    public NetlinkMessage Current => _currentStart >= 0
        ? _receiver.MessageAt(_currentStart, _currentLength)
        : throw new InvalidOperationException("no current message: MoveNext() has not returned true, or another exchange reused the connection");

    /// <summary>How many datagrams a receiver thread may read ahead; 0 for none.</summary>
    internal int ReadAheadDatagrams { get; }

    /// <summary>The receiver thread, once started.</summary>
    internal DumpReadAhead? ReadAhead { get; private set; }

    /// <summary>Moves to the next data message of the dump, receiving datagrams as needed.</summary>
    /// <returns>False after NLMSG_DONE.</returns>
    /// <exception cref="NetlinkException">The kernel ended the dump with an error, or a system call failed.</exception>
    /// <exception cref="InvalidOperationException">Another exchange was started on the connection.</exception>
    public bool MoveNext()
    {
        _currentStart = -1;
        if (IsCompleted)
        {
            return false;
        }

        _receiver.ThrowIfDisposed();
        if (_superseded)
        {
            throw new InvalidOperationException("another exchange was started on this connection while the dump was running");
        }

        while (true)
        {
            if (!_receiver.TryTakeMessage(out int start, out int length))
            {
                ReceiveDatagram();
                continue;
            }

            NetlinkMessage message = _receiver.MessageAt(start, length);
            if (message.Sequence != Sequence)
            {
                continue;
            }

            if ((message.Flags & NetlinkMessageFlags.NLM_F_DUMP_INTR) != 0)
            {
                Interrupted = true;
            }

            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_DONE:
                    NetlinkAck done = NetlinkAck.ParseDone(message);
                    Complete();
                    done.ThrowIfFailed();
                    return false;
                case NetlinkMessageTypes.NLMSG_ERROR:
                    NetlinkAck error = NetlinkAck.Parse(message);
                    Complete();
                    error.ThrowIfFailed();
                    return false;
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    Complete();
                    throw NetlinkReceiver.OverrunException();
                case NetlinkMessageTypes.NLMSG_NOOP:
                    break;
                default:
                    _currentStart = start;
                    _currentLength = length;
                    return true;
            }
        }
    }

    /// <summary>Drains an unfinished dump so the connection can be reused; errors are left for the next exchange to report.</summary>
    public void Dispose()
    {
        _currentStart = -1;
        if (_receiver.IsDisposed || _superseded || IsCompleted)
        {
            return;
        }

        try
        {
            Drain();
        }
        catch (NetlinkException)
        {
            // Left unfinished: the next exchange drains again and reports the failure.
        }
    }

    /// <inheritdoc/>
    void NetlinkReceiver.IExchange.Supersede()
    {
        if (!IsCompleted)
        {
            Drain();
        }

        _superseded = true;
    }

    /// <inheritdoc/>
    void NetlinkReceiver.IExchange.Abort() => StopReadAhead();

    private void Drain()
    {
        try
        {
            while (MoveNext())
            {
            }
        }
        catch (NetlinkException) when (IsCompleted)
        {
            // The kernel ended the abandoned dump with an error; nobody is waiting for it.
        }
    }

    /// <summary>
    /// Makes the next datagram current: from the read-ahead thread if one runs, else from the
    /// socket, starting the read-ahead thread when the dump wants one and more datagrams follow.
    /// </summary>
    private void ReceiveDatagram()
    {
        if (ReadAhead is { } readAhead)
        {
            bool received;
            byte[] datagram;
            int length;
            try
            {
                received = readAhead.TryTake(out datagram, out length);
            }
            catch
            {
                // The receiver thread has stopped, so the dump cannot go on.
                Complete();
                throw;
            }

            if (!received)
            {
                Complete();
                throw new NetlinkDecodeException("the dump ended without NLMSG_DONE");
            }

            _receiver.Load(datagram, length);
            return;
        }

        _receiver.Receive(dontWait: false);
        if (ReadAheadDatagrams > 0 && !DumpReadAhead.EndsDump(_receiver.Datagram, Sequence))
        {
            ReadAhead = new DumpReadAhead(_receiver.Socket, Sequence, ReadAheadDatagrams);
        }
    }

    /// <summary>Marks the dump finished and stops its read-ahead thread.</summary>
    private void Complete()
    {
        IsCompleted = true;
        if (ReadAhead is not null)
        {
            StopReadAhead();
            _receiver.Reset();
        }
    }

    private void StopReadAhead()
    {
        ReadAhead?.Dispose();
        ReadAhead = null;
    }
}
