namespace NetCt.Conntrack;

/// <summary>
/// A consistent reading of a <see cref="LiveTable"/>'s counters, taken under its lock. The event
/// counters only grow; two readings give rates (<see cref="RatesSince"/>).
/// </summary>
/// <param name="Entries">Entries in the model.</param>
/// <param name="NewEvents">NEW events seen (all of them, also those the filter drops).</param>
/// <param name="UpdateEvents">UPDATE events seen.</param>
/// <param name="DestroyEvents">DESTROY events seen.</param>
/// <param name="UndecodableEvents">Messages that did not decode and were skipped.</param>
/// <param name="Overruns">Receive-queue overruns (ENOBUFS): events were lost.</param>
/// <param name="Resyncs">Re-dumps done to reconcile the model after an overrun or an interrupted dump.</param>
/// <param name="Version">Grows with every change to the entries (a reader can skip work when it did not move).</param>
/// <param name="Elapsed">When the reading was taken, on the model's clock.</param>
public readonly record struct LiveTableCounters(
    long Entries,
    long NewEvents,
    long UpdateEvents,
    long DestroyEvents,
    long UndecodableEvents,
    long Overruns,
    long Resyncs,
    long Version,
    TimeSpan Elapsed)
{
    /// <summary>Events per second between an earlier reading and this one.</summary>
    /// <param name="earlier">A reading taken before this one.</param>
    /// <returns>NEW, UPDATE and DESTROY events per second (0 when no time passed).</returns>
    public (double New, double Update, double Destroy) RatesSince(LiveTableCounters earlier)
    {
        double seconds = (Elapsed - earlier.Elapsed).TotalSeconds;
        if (seconds <= 0)
        {
            return (0, 0, 0);
        }

        return ((NewEvents - earlier.NewEvents) / seconds, (UpdateEvents - earlier.UpdateEvents) / seconds, (DestroyEvents - earlier.DestroyEvents) / seconds);
    }
}
