namespace NetCt.Netlink;

/// <summary>
/// A running dump, streamed one message at a time: <c>while (dump.MoveNext()) Decode(dump.Current);</c>.
/// Nothing is buffered beyond the datagram being read (plus, with read-ahead, a few datagrams
/// received ahead), so a higher layer can wrap it in an <c>IEnumerable&lt;T&gt;</c> iterator. Check
/// <see cref="Interrupted"/> at the end. Disposing an unfinished dump reads and discards the rest,
/// so the socket can serve the next request.
/// </summary>
public sealed class NetlinkDump : IDisposable
{
    private readonly NetlinkConnection _connection;
    private int _currentStart = -1;
    private int _currentLength;

    internal NetlinkDump(NetlinkConnection connection, uint sequence, int readAheadDatagrams)
    {
        _connection = connection;
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
    public NetlinkMessage Current => _currentStart >= 0 && _connection.IsActiveDump(this)
        ? _connection.MessageAt(_currentStart, _currentLength)
        : throw new InvalidOperationException("no current message: MoveNext() has not returned true, or another exchange reused the connection");

    /// <summary>Moves to the next data message of the dump, receiving datagrams as needed.</summary>
    /// <returns>False after NLMSG_DONE.</returns>
    /// <exception cref="NetlinkException">The kernel ended the dump with an error, or a system call failed.</exception>
    /// <exception cref="InvalidOperationException">Another exchange was started on the connection.</exception>
    public bool MoveNext()
    {
        _currentStart = -1;
        return _connection.MoveNextDump(this);
    }

    /// <summary>Drains an unfinished dump so the connection can be reused; errors are left for the next exchange to report.</summary>
    public void Dispose()
    {
        _currentStart = -1;
        _connection.AbandonDump(this);
    }

    internal void SetCurrent(int start, int length)
    {
        _currentStart = start;
        _currentLength = length;
    }

    /// <summary>How many datagrams a receiver thread may read ahead; 0 for none.</summary>
    internal int ReadAheadDatagrams { get; }

    /// <summary>The receiver thread, once started.</summary>
    internal DumpReadAhead? ReadAhead { get; set; }

    internal void StopReadAhead()
    {
        ReadAhead?.Dispose();
        ReadAhead = null;
    }

    internal void MarkInterrupted() => Interrupted = true;

    internal void Complete() => IsCompleted = true;
}
