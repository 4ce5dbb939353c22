using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// The entries of an <see cref="EntryStore"/> in the order of one <see cref="EntrySortKey"/>: a
/// 64-bit sort key and the slot per entry (12 bytes), sorted as plain values. Kept between queries
/// and rebuilt only when the table changed or the sort did, so a quiet table costs no sorting.
/// </summary>
internal sealed class EntryOrder
{
    private Item[] _items = [];
    private int _count;
    private long _version = -1;
    private EntrySortKey _sort;

    public int Count => _count;

    /// <summary>Bytes held by the order (0 until the first query).</summary>
    public long AllocatedBytes => (long)_items.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Item>();

    /// <summary>The slot at <paramref name="index"/> of the order, ascending or descending.</summary>
    public int SlotAt(int index, bool descending) => _items[descending ? _count - 1 - index : index].Slot;

    public void Refresh(EntryStore store, EntrySortKey sort, long version)
    {
        // Entries are sorted by expiry time, not by time left, so the order holds as time passes.
        if (version == _version && sort == _sort)
        {
            return;
        }

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
        _version = version;
        _sort = sort;
    }

    public void Clear()
    {
        _items = [];
        _count = 0;
        _version = -1;
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
