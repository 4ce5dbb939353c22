using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Receives one entry of <see cref="ConntrackClient.DumpMessages"/>, valid only during the call.</summary>
/// <param name="entry">The entry's message, and the entry read in place if the dump or the handler reads it (<see cref="DumpedEntry.HasView"/>).</param>
public delegate void DumpedEntryHandler(ref DumpedEntry entry);

public sealed partial class ConntrackClient
{
    /// <summary>
    /// Streams the entries of a table undecoded, for a caller that reads entries in place
    /// (<see cref="FlowView"/>) rather than as <see cref="Flow"/> objects: the cheapest way
    /// through a large table. Like <see cref="Dump"/>, the kernel walks the table while the
    /// handler runs, a few datagrams ahead, and applies what it can of <paramref name="filter"/>;
    /// every entry it sends is checked again in place (<see cref="FlowFilter.Matches(ref FlowView)"/>),
    /// so only a message the view declines is decoded, and the handler gets the view the check read
    /// (<see cref="DumpedEntry.View"/>).
    /// </summary>
    /// <param name="handler">Called once per matching entry, in the order the kernel sends them.</param>
    /// <param name="filter">The entries to hand over; null for all.</param>
    /// <param name="table">Which list to dump.</param>
    /// <param name="zeroCounters">Read and zero the counters atomically (conntrack table only).</param>
    /// <param name="cancellationToken">Checked before each entry.</param>
    /// <exception cref="ArgumentException"><paramref name="zeroCounters"/> with a table other than <see cref="ConntrackTable.Conntrack"/>.</exception>
    /// <exception cref="NetlinkException">The kernel refused the dump or a system call failed.</exception>
    /// <exception cref="NetlinkDecodeException">With a filter: the kernel sent an entry that does not decode.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Check <see cref="LastDumpInterrupted"/> afterwards. An exception from the handler ends the dump and closes its socket.</remarks>
    public void DumpMessages(
        DumpedEntryHandler handler, FlowFilter? filter = null, ConntrackTable table = ConntrackTable.Conntrack, bool zeroCounters = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var dump = new TableDump(this, filter, DumpMessageType(table, zeroCounters));
        ReusableFlowDecoder? decoder = null;
        while (dump.HasMessage)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = new DumpedEntry(dump.Current);
            if (dump.Check is null || Matches(dump.Check, ref entry, ref decoder))
            {
                handler(ref entry);
            }

            dump.MoveNext();
        }
    }

    // A message the view declines (see FlowView) is judged, and a malformed one reported, decoded.
    private static bool Matches(FlowFilter filter, ref DumpedEntry entry, ref ReusableFlowDecoder? decoder)
        => entry.HasView
            ? filter.Matches(ref entry.View)
            : filter.Matches((decoder ??= new ReusableFlowDecoder()).Decode(entry.Message));
}
