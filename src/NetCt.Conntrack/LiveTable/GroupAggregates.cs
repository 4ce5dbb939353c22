using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// The aggregates of a <see cref="LiveTable"/>, kept incrementally: every entry that comes in is
/// added to its group of each grouping, every entry that goes is taken out, so reading an aggregate
/// never walks the table. A grouping is built (one walk of the table) the first time it is read and
/// kept from then on, so a model whose reader never groups, or groups by one key only, pays nothing
/// for the others, neither while the first dump fills it nor in memory. A group that empties is
/// dropped, so memory follows the groups that exist.
/// </summary>
internal sealed class GroupAggregates
{
    private readonly bool[] _allowed = new bool[Enum.GetValues<GroupingKind>().Length];
    private readonly Dictionary<GroupKey, GroupTotals>?[] _groups = new Dictionary<GroupKey, GroupTotals>?[Enum.GetValues<GroupingKind>().Length];

    public GroupAggregates(IEnumerable<GroupingKind> kinds)
    {
        foreach (GroupingKind kind in kinds)
        {
            _allowed[(int)kind] = true;
        }
    }

    public bool Has(GroupingKind kind) => _allowed[(int)kind];

    public void Add(in LiveEntry entry, bool fromNewEvent)
    {
        for (int kind = 0; kind < _groups.Length; kind++)
        {
            if (_groups[kind] is { } groups)
            {
                AddTo(groups, (GroupingKind)kind, entry, fromNewEvent);
            }
        }
    }

    public void Remove(in LiveEntry entry)
    {
        for (int kind = 0; kind < _groups.Length; kind++)
        {
            if (_groups[kind] is { } groups)
            {
                GroupKey key = GroupKey.Of((GroupingKind)kind, entry);
                ref GroupTotals totals = ref CollectionsMarshal.GetValueRefOrNullRef(groups, key);
                if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref totals))
                {
                    continue;
                }

                if (totals.Entries <= 1)
                {
                    groups.Remove(key);
                }
                else
                {
                    totals = new GroupTotals(totals.Entries - 1, totals.Bytes - entry.TotalBytes, totals.NewEvents);
                }
            }
        }
    }

    public void Clear()
    {
        foreach (Dictionary<GroupKey, GroupTotals>? groups in _groups)
        {
            groups?.Clear();
            groups?.TrimExcess();
        }
    }

    /// <summary>Bytes the dictionaries hold, estimated from their sizes (entry: key 24 + totals 24 + hash and link 8, bucket 4).</summary>
    public long EstimatedBytes => _groups.Sum(groups => groups is null ? 0L : groups.EnsureCapacity(0) * 60L);

    public GroupTable Top(GroupingKind kind, int top, GroupOrder order, EntryStore store, CreateLog creates)
    {
        Dictionary<GroupKey, GroupTotals> groups = Built(kind, store, creates);
        long totalEntries = store.Count;
        var ranked = new PriorityQueue<GroupRow, GroupRow>(Math.Max(1, top) + 1, new WorstFirst(order));
        var other = default(GroupTotals);
        foreach ((GroupKey key, GroupTotals totals) in groups)
        {
            var row = new GroupRow(key, totals);
            if (top <= 0)
            {
                other = other.Plus(totals);
                continue;
            }

            ranked.Enqueue(row, row);
            if (ranked.Count > top)
            {
                GroupRow dropped = ranked.Dequeue();
                other = other.Plus(dropped.Totals);
            }
        }

        var rows = new GroupRow[ranked.Count];
        for (int i = rows.Length - 1; i >= 0; i--)
        {
            rows[i] = ranked.Dequeue();
        }

        return new GroupTable(kind, rows, other, groups.Count - rows.Length, totalEntries);
    }

    private Dictionary<GroupKey, GroupTotals> Built(GroupingKind kind, EntryStore store, CreateLog creates)
    {
        if (!_allowed[(int)kind])
        {
            throw new InvalidOperationException($"the live table does not keep the {kind} aggregate");
        }

        if (_groups[(int)kind] is { } built)
        {
            return built;
        }

        var groups = new Dictionary<GroupKey, GroupTotals>();
        for (int slot = 0; slot < store.SlotCount; slot++)
        {
            if (store.IsLive(slot))
            {
                AddTo(groups, kind, store[slot], fromNewEvent: false);
            }
        }

        // The NEW events of a grouping built late: those the model still remembers, of groups that exist.
        creates.Visit(long.MinValue, entry =>
        {
            ref GroupTotals totals = ref CollectionsMarshal.GetValueRefOrNullRef(groups, GroupKey.Of(kind, new LiveEntry(entry, default)));
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref totals))
            {
                totals = totals with { NewEvents = totals.NewEvents + 1 };
            }
        });
        return _groups[(int)kind] = groups;
    }

    private static void AddTo(Dictionary<GroupKey, GroupTotals> groups, GroupingKind kind, in LiveEntry entry, bool fromNewEvent)
    {
        ref GroupTotals totals = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, GroupKey.Of(kind, entry), out _);
        totals = new GroupTotals(totals.Entries + 1, totals.Bytes + entry.TotalBytes, totals.NewEvents + (fromNewEvent ? 1 : 0));
    }

    /// <summary>Ranks rows worst first, so the bounded heap that keeps the top K drops its worst.</summary>
    private sealed class WorstFirst(GroupOrder order) : IComparer<GroupRow>
    {
        public int Compare(GroupRow x, GroupRow y)
        {
            int byValue = order switch
            {
                GroupOrder.Bytes => y.Totals.Bytes.CompareTo(x.Totals.Bytes),
                GroupOrder.NewEvents => y.Totals.NewEvents.CompareTo(x.Totals.NewEvents),
                _ => 0,
            };
            if (byValue == 0)
            {
                byValue = y.Totals.Entries.CompareTo(x.Totals.Entries);
            }

            if (byValue == 0)
            {
                byValue = Compare(x.Key, y.Key);
            }

            return -byValue;
        }

        private static int Compare(GroupKey x, GroupKey y)
        {
            int c = x.Value.CompareTo(y.Value);
            if (c == 0)
            {
                c = x.High.CompareTo(y.High);
            }

            return c != 0 ? c : x.Low.CompareTo(y.Low);
        }
    }
}
