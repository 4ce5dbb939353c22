using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// The entries of an <see cref="EntryStore"/> in the order of one <see cref="EntrySortKey"/>: a
/// 64-bit sort key and the slot per entry (12 bytes), sorted as plain values. A page near the top
/// (the first screen, or a few pages down) needs only the first rows: those are selected with a
/// bounded heap in one pass and only they are sorted, which is several times cheaper than sorting
/// a large table and holds a few thousand items instead of one per entry. A page further down
/// sorts the whole table. Either order is kept between queries and rebuilt only when the table
/// changed or the sort did, so a quiet table costs no sorting.
/// </summary>
internal sealed class EntryOrder
{
    // Rows a selection keeps at least (so scrolling a few pages reuses it), and at most (past this
    // many rows a full sort is as cheap).
    private const int MinimumSelection = 1024;
    private const int MaximumSelection = 16384;

    private Item[] _items = [];
    private int _count;
    private long _version = -1;
    private EntrySortKey _sort;
    private bool _complete;
    private bool _descending;

    /// <summary>Bytes held by the order (0 until the first query).</summary>
    public long AllocatedBytes => (long)_items.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Item>();

    /// <summary>The slot at <paramref name="index"/> of the order, ascending or descending (an index below what <see cref="Refresh"/> was asked for).</summary>
    public int SlotAt(int index, bool descending) => _items[descending ? _count - 1 - index : index].Slot;

    /// <summary>Makes the first <paramref name="rows"/> rows of the order available to <see cref="SlotAt"/>.</summary>
    public void Refresh(EntryStore store, EntrySortKey sort, bool descending, int rows, long version)
    {
        // Entries are sorted by expiry time, not by time left, so the order holds as time passes.
        if (version == _version && sort == _sort && (_complete || (descending == _descending && rows <= _count)))
        {
            return;
        }

        if (rows > MaximumSelection || rows >= store.Count)
        {
            SortAll(store, sort);
        }
        else
        {
            Select(store, sort, descending, Math.Max(rows, Math.Min(MinimumSelection, store.Count)));
        }

        (_version, _sort, _descending) = (version, sort, descending);
    }

    public void Clear()
    {
        _items = [];
        _count = 0;
        _version = -1;
    }

    private void SortAll(EntryStore store, EntrySortKey sort)
    {
        if (_items.Length < store.Count)
        {
            _items = new Item[store.Count + store.Count / 8];
        }

        _count = 0;
        for (int slot = 0; slot < store.SlotCount; slot++)
        {
            if (store.IsLive(slot))
            {
                _items[_count++] = new Item(KeyOf(store[slot], sort), slot);
            }
        }

        Array.Sort(_items, 0, _count);
        _complete = true;
    }

    /// <summary>
    /// Keeps the <paramref name="rows"/> first items of the order (the last ones when descending) in
    /// a heap whose root is the worst kept, then sorts them ascending, so <see cref="SlotAt"/> reads
    /// them as it reads a full sort and the rows come out in the same order as from one.
    /// </summary>
    private void Select(EntryStore store, EntrySortKey sort, bool descending, int rows)
    {
        if (_items.Length < rows || _complete)
        {
            _items = new Item[rows];
        }

        int sign = descending ? -1 : 1;
        _count = 0;
        for (int slot = 0; slot < store.SlotCount; slot++)
        {
            if (!store.IsLive(slot))
            {
                continue;
            }

            var item = new Item(KeyOf(store[slot], sort), slot);
            if (_count < rows)
            {
                _items[_count] = item;
                SiftUp(_count++, sign);
            }
            else if (item.CompareTo(_items[0]) * sign < 0)
            {
                _items[0] = item;
                SiftDown(0, sign);
            }
        }

        Array.Sort(_items, 0, _count);
        _complete = false;
    }

    // A heap ordered worst first: for ascending rows the largest item is the root.
    private void SiftUp(int index, int sign)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (_items[index].CompareTo(_items[parent]) * sign <= 0)
            {
                return;
            }

            (_items[index], _items[parent]) = (_items[parent], _items[index]);
            index = parent;
        }
    }

    private void SiftDown(int index, int sign)
    {
        while (true)
        {
            int worst = index;
            int left = 2 * index + 1;
            if (left < _count && _items[left].CompareTo(_items[worst]) * sign > 0)
            {
                worst = left;
            }

            if (left + 1 < _count && _items[left + 1].CompareTo(_items[worst]) * sign > 0)
            {
                worst = left + 1;
            }

            if (worst == index)
            {
                return;
            }

            (_items[index], _items[worst]) = (_items[worst], _items[index]);
            index = worst;
        }
    }

    private static ulong KeyOf(in LiveEntry entry, EntrySortKey sort) => sort switch
    {
        EntrySortKey.Source => AddressKey(entry.Family, entry.SourceKey, entry.IsIcmp ? entry.IcmpId : entry.SourcePort),
        EntrySortKey.Destination => AddressKey(entry.Family, entry.DestinationKey, entry.IsIcmp ? entry.IcmpType : entry.DestinationPort),
        EntrySortKey.Protocol => (ulong)entry.Protocol << 8 | entry.State,
        EntrySortKey.State => (ulong)entry.State << 8 | entry.Protocol,
        EntrySortKey.SourcePort => entry.SourcePort,
        EntrySortKey.DestinationPort => entry.DestinationPort,
        EntrySortKey.TimeToLive => entry.ExpiresAt,
        EntrySortKey.Bytes => entry.TotalBytes,
        EntrySortKey.Packets => entry.OriginalCounters.Packets + entry.ReplyCounters.Packets,
        EntrySortKey.Mark => entry.Mark,
        EntrySortKey.Zone => entry.Zone,
        _ => entry.Id,
    };

    // IPv4: the address and the port in full; IPv6: its top 63 bits after every IPv4 key (ties then
    // fall to the slot order, which is stable for a given history).
    private static ulong AddressKey(IpFamily family, (ulong High, ulong Low) address, ushort port) =>
        family == IpFamily.IPv6 ? 1UL << 63 | address.High >> 1 : address.Low << 16 | port;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Item(ulong Key, int Slot) : IComparable<Item>
    {
        public int CompareTo(Item other)
        {
            int c = Key.CompareTo(other.Key);
            return c != 0 ? c : Slot.CompareTo(other.Slot);
        }
    }
}
