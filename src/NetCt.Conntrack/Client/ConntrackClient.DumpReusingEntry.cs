namespace NetCt.Conntrack;

public sealed partial class ConntrackClient
{
    /// <summary>
    /// Streams the entries of a table like <see cref="Dump"/>, but decodes every one into the same
    /// <see cref="Flow"/> instance (see <see cref="ReusableFlowDecoder"/>): each element is valid
    /// until the enumeration moves on, and a dump of any size allocates next to nothing per entry.
    /// For a caller that uses each entry as it comes (prints it, counts it, aggregates it) and keeps
    /// none; to keep entries, use <see cref="Dump"/>.
    /// </summary>
    /// <param name="filter">The entries to return; null for all.</param>
    /// <param name="table">Which list to dump.</param>
    /// <param name="zeroCounters">Read and zero the counters atomically (conntrack table only).</param>
    /// <param name="cancellationToken">Checked before each entry.</param>
    /// <returns>The same instance once per entry, overwritten by the next. Check <see cref="LastDumpInterrupted"/> once enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="zeroCounters"/> with a table other than <see cref="ConntrackTable.Conntrack"/>.</exception>
    /// <exception cref="Netlink.NetlinkException">During enumeration: the kernel refused the dump or a system call failed.</exception>
    /// <exception cref="Netlink.NetlinkDecodeException">During enumeration: the kernel sent an entry that does not decode.</exception>
    /// <exception cref="OperationCanceledException">During enumeration: <paramref name="cancellationToken"/> was cancelled.</exception>
    public IEnumerable<Flow> DumpReusingEntry(
        FlowFilter? filter = null, ConntrackTable table = ConntrackTable.Conntrack, bool zeroCounters = false, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var decoder = new ReusableFlowDecoder();
        return DumpEntries(filter, DumpMessageType(table, zeroCounters), decoder.Decode, cancellationToken);
    }
}
