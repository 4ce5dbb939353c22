namespace NetCt.Conntrack;

/// <summary>
/// A live, queryable model of the conntrack table: filled by one dump (<see cref="Reconcile"/>), then
/// kept current by events (<see cref="Apply"/>), with aggregates by key (<see cref="Group"/>) kept
/// incrementally, event counters for rates (<see cref="Counters"/>) and sorted pages of entries
/// (<see cref="Query"/>). After an overrun the owner re-dumps into <see cref="Reconcile"/>, which
/// keeps what the dump has and drops what it lacks, so no ghost or missing row survives.
/// <see cref="LiveTableFeed"/> does all of that on a thread of its own.
/// </summary>
/// <remarks>
/// Entries are kept as plain values keyed by conntrack id and tuple in flat arrays: about 70 bytes per
/// entry without accounting, 94 with it (see <see cref="AllocatedBytes"/>), no object per entry. Thread-safe: one writer (the event
/// reader) and any number of readers; each call takes a short lock, so every result is consistent,
/// and readers copy only what they return (counters, top-K groups, one page of entries).
/// </remarks>
public sealed class LiveTable
{
    private readonly object _lock = new();
    private readonly EntryStore _store = new();
    private readonly EntryOrder _order = new();
    private readonly GroupAggregates _groups;
    private readonly CreateLog _creates = new();
    private readonly TimeProvider _clock;
    private readonly long _started;
    private long _new, _update, _destroy, _undecodable, _overruns, _resyncs, _version;
    private ulong[]? _seen;

    /// <param name="options">Filter, aggregates and clock; null for the defaults (everything).</param>
    public LiveTable(LiveTableOptions? options = null)
    {
        options ??= new LiveTableOptions();
        Filter = options.Filter is { IsEmpty: false } filter ? filter : null;
        _groups = new GroupAggregates(options.Groupings);
        _clock = options.Clock;
        _started = _clock.GetTimestamp();
    }

    /// <summary>The filter entries must match to be kept, or null.</summary>
    public FlowFilter? Filter { get; }

    /// <summary>Seconds since the model was made: the clock of <see cref="LiveEntry.ExpiresAt"/>.</summary>
    public uint Now => (uint)_clock.GetElapsedTime(_started).TotalSeconds;

    /// <summary>Entries in the model.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _store.Count;
            }
        }
    }

    /// <summary>Bytes the model holds: entries, their index, the aggregates (estimated) and the sort order once a query made one.</summary>
    public long AllocatedBytes
    {
        get
        {
            lock (_lock)
            {
                return _store.AllocatedBytes + _groups.EstimatedBytes + _order.AllocatedBytes + _creates.AllocatedBytes;
            }
        }
    }

    /// <summary>Bytes per entry of the entry storage alone (entries and index), 0 when empty.</summary>
    public double EntryBytesPerEntry
    {
        get
        {
            lock (_lock)
            {
                return _store.Count == 0 ? 0 : (double)_store.AllocatedBytes / _store.Count;
            }
        }
    }

    /// <summary>Makes room for <paramref name="entries"/> entries at once (for example the table's size before its first dump), so that filling the model does not rehash its index as it grows.</summary>
    /// <param name="entries">Entries expected.</param>
    public void Reserve(int entries)
    {
        lock (_lock)
        {
            _store.Reserve(entries);
        }
    }

    /// <summary>A consistent reading of the counters.</summary>
    public LiveTableCounters Counters
    {
        get
        {
            lock (_lock)
            {
                return new LiveTableCounters(_store.Count, _new, _update, _destroy, _undecodable, _overruns, _resyncs, _version, _clock.GetElapsedTime(_started));
            }
        }
    }

    /// <summary>
    /// Applies one notification of a <see cref="ConntrackEventStream"/>: a NEW or UPDATE adds or
    /// changes its entry (or drops it when it no longer matches <see cref="Filter"/>), a DESTROY
    /// removes it; an <see cref="EventOverrun"/> and an <see cref="UndecodableEvent"/> are counted
    /// (the owner then calls <see cref="Reconcile"/> with a fresh dump).
    /// </summary>
    /// <param name="notification">The notification.</param>
    public void Apply(ConntrackNotification notification)
    {
        lock (_lock)
        {
            switch (notification)
            {
                case FlowEvent { Type: FlowEventType.Destroy } e:
                    _destroy++;
                    if (e.Flow.Id is not null && _store.Find(new EntryCore(e.Flow, 0)) is int slot and >= 0)
                    {
                        RemoveSlot(slot);
                    }

                    break;
                case FlowEvent e:
                    if (e.Type == FlowEventType.New)
                    {
                        _new++;
                    }
                    else
                    {
                        _update++;
                    }

                    Upsert(e.Flow, Now, fromNewEvent: e.Type == FlowEventType.New);
                    break;
                case EventOverrun:
                    _overruns++;
                    break;
                case UndecodableEvent:
                    _undecodable++;
                    break;
            }
        }
    }

    /// <summary>
    /// Makes the model equal a dump of the table: every dumped entry is added or refreshed, and when
    /// the dump ends every entry it did not contain is dropped. Used for the first fill and after an
    /// overrun. The lock is taken per entry, so readers are not held for a whole dump, and nothing of
    /// an entry is kept once the next is read, so the dump may reuse one instance.
    /// </summary>
    /// <param name="dump">The table's entries (for example <see cref="ConntrackClient.DumpReusingEntry"/>).</param>
    /// <param name="isResync">Counts the call in <see cref="LiveTableCounters.Resyncs"/>.</param>
    public void Reconcile(IEnumerable<Flow> dump, bool isResync)
    {
        lock (_lock)
        {
            _seen = new ulong[(_store.SlotCount + 64) / 64];
            if (isResync)
            {
                _resyncs++;
            }
        }

        try
        {
            uint now = Now;
            int read = 0;
            foreach (Flow flow in dump)
            {
                // The clock is read once per thousand entries: expiry times are in whole seconds.
                if (++read % 1024 == 0)
                {
                    now = Now;
                }

                lock (_lock)
                {
                    Upsert(flow, now, fromNewEvent: false);
                }
            }

            lock (_lock)
            {
                for (int slot = 0; slot < _store.SlotCount; slot++)
                {
                    if (_store.IsLive(slot) && !WasSeen(slot))
                    {
                        RemoveSlot(slot);
                    }
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _seen = null;
            }
        }
    }

    /// <summary>The entry with conntrack id <paramref name="id"/>, if the model has it (the first one found if two entries share the id).</summary>
    /// <param name="id">The conntrack id.</param>
    /// <param name="entry">The entry, copied.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(uint id, out LiveEntry entry)
    {
        lock (_lock)
        {
            int slot = _store.Find(id);
            entry = slot >= 0 ? _store[slot] : default;
            return slot >= 0;
        }
    }

    /// <summary>
    /// The top <paramref name="top"/> groups of one aggregate and an "other" sum of the rest. The
    /// first call for a grouping builds it with one walk of the model (tens of milliseconds for a
    /// million entries); from then on events keep it current.
    /// </summary>
    /// <param name="kind">The grouping (one the options keep).</param>
    /// <param name="top">How many groups to rank (0: everything goes to Other).</param>
    /// <param name="order">How groups are ranked.</param>
    /// <returns>The table of groups.</returns>
    /// <exception cref="InvalidOperationException">The model does not keep <paramref name="kind"/>.</exception>
    public GroupTable Group(GroupingKind kind, int top, GroupOrder order = GroupOrder.Entries)
    {
        lock (_lock)
        {
            return _groups.Top(kind, top, order, _store, _creates);
        }
    }

    /// <summary>
    /// NEW events per second that put an entry in each group of <paramref name="kind"/>, over the
    /// last <paramref name="window"/>: counted from the creates the model remembers (its last 32,768,
    /// over the part of the window they cover), so the rates are
    /// right for any grouping at any moment, also one no aggregate keeps and one just switched to.
    /// </summary>
    /// <param name="kind">The grouping.</param>
    /// <param name="window">How far back to count (at most since the model was made).</param>
    /// <returns>The rate of each group that had a create in the window; groups without one are absent.</returns>
    public IReadOnlyDictionary<GroupKey, double> NewEventRates(GroupingKind kind, TimeSpan window)
    {
        lock (_lock)
        {
            long now = _clock.GetTimestamp();
            long since = Math.Max(_started, now - (long)(window.TotalSeconds * _clock.TimestampFrequency));
            var creates = new Dictionary<GroupKey, int>();
            long complete = _creates.Visit(since, entry =>
            {
                GroupKey key = GroupKey.Of(kind, new LiveEntry(entry, default));
                creates[key] = creates.GetValueOrDefault(key) + 1;
            });
            double seconds = (double)(now - complete) / _clock.TimestampFrequency;
            return creates.ToDictionary(pair => pair.Key, pair => seconds > 0 ? pair.Value / seconds : 0);
        }
    }

    /// <summary>One page of the entries in sorted order. The order is kept and rebuilt only when the table or the sort changed; a page near the top selects its rows without sorting the whole table.</summary>
    /// <param name="sort">The column to sort by.</param>
    /// <param name="descending">Reverse order.</param>
    /// <param name="skip">Rows to skip (clamped so the page is never past the end).</param>
    /// <param name="take">Rows to return at most.</param>
    /// <returns>The page.</returns>
    public LiveEntryPage Query(EntrySortKey sort, bool descending, int skip, int take)
    {
        lock (_lock)
        {
            int total = _store.Count;
            int start = Math.Clamp(skip, 0, Math.Max(0, total - 1));
            int end = Math.Min(total, start + Math.Max(0, take));
            _order.Refresh(_store, sort, descending, end, _version);
            var rows = new LiveEntry[end - start];
            for (int i = start; i < end; i++)
            {
                rows[i - start] = _store[_order.SlotAt(i, descending)];
            }

            return new LiveEntryPage(total, start, rows);
        }
    }

    /// <summary>Drops every entry and aggregate (counters stay); memory is given back.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _store.Clear();
            _groups.Clear();
            _order.Clear();
            _creates.Clear();
            _version++;
        }
    }

    private void Upsert(Flow flow, uint now, bool fromNewEvent)
    {
        if (flow.Id is null)
        {
            return;
        }

        LiveEntry entry = LiveEntry.From(flow, now);
        if (entry.Family == IpFamily.Unspecified)
        {
            return;
        }

        int slot = _store.Find(entry.Core);
        if (Filter is not null && !Filter.Matches(flow))
        {
            if (slot >= 0)
            {
                RemoveSlot(slot);
            }

            return;
        }

        if (slot >= 0)
        {
            LiveEntry stored = _store[slot];
            LiveEntry merged = stored.MergedWith(entry);
            _groups.Remove(stored);
            _store.Replace(slot, merged);
            _groups.Add(merged, fromNewEvent: false);
        }
        else
        {
            slot = _store.Add(entry);
            _groups.Add(entry, fromNewEvent);
            if (fromNewEvent)
            {
                _creates.Add(entry.Core, _clock.GetTimestamp());
            }
        }

        MarkSeen(slot);
        _version++;
    }

    private void RemoveSlot(int slot)
    {
        _groups.Remove(_store[slot]);
        _store.Remove(slot);
        _version++;
    }

    private void MarkSeen(int slot)
    {
        if (_seen is null)
        {
            return;
        }

        if (slot / 64 >= _seen.Length)
        {
            Array.Resize(ref _seen, Math.Max(_seen.Length * 2, slot / 64 + 1));
        }

        _seen[slot / 64] |= 1UL << (slot % 64);
    }

    private bool WasSeen(int slot) => slot / 64 < _seen!.Length && (_seen[slot / 64] & (1UL << (slot % 64))) != 0;
}
