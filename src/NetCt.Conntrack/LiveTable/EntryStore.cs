using System.Runtime.CompilerServices;

namespace NetCt.Conntrack;

/// <summary>
/// The entries of a <see cref="LiveTable"/>: <see cref="EntryCore"/> values in fixed-size chunks (a
/// growing table never copies what it holds, and slack is at most one chunk), their counters in
/// parallel chunks allocated only for chunks that hold an entry with counters (none without
/// accounting), found by id (and tuple) through an open-addressing index of slot numbers (linear
/// probing, at most 3/4 full) with a one-byte tag of the id beside each, so a probe that passes
/// other entries reads the index only, not their entries. About 60 bytes per entry plus 7 to 14 for
/// the index (and 24 for counters with accounting). Not thread-safe: <see cref="LiveTable"/> locks
/// around it.
/// </summary>
internal sealed class EntryStore
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private const int MinimumIndexSize = 1024;

    private EntryCore[][] _chunks = [];
    private EntryCounters[]?[] _counterChunks = [];
    private int _slotCount;
    private int[] _index = new int[MinimumIndexSize];
    private byte[] _tags = new byte[MinimumIndexSize];
    private int _freeCount;
    private int[] _free = [];

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>Slots ever used (live or free): the range of <see cref="IsLive"/> and <see cref="this"/>.</summary>
    public int SlotCount => _slotCount;

    /// <summary>Bytes held by the store's arrays (entries, counters, index, free list).</summary>
    public long AllocatedBytes =>
        (long)_chunks.Length * ChunkSize * Unsafe.SizeOf<EntryCore>()
        + (long)_counterChunks.Count(chunk => chunk is not null) * ChunkSize * Unsafe.SizeOf<EntryCounters>()
        + (long)_index.Length * (sizeof(int) + sizeof(byte)) + (long)_free.Length * sizeof(int);

    /// <summary>The entry in <paramref name="slot"/>, with its counters.</summary>
    public LiveEntry this[int slot] => new(Core(slot), CountersAt(slot));

    /// <summary>The entry in <paramref name="slot"/> without its counters.</summary>
    public ref readonly EntryCore Core(int slot) => ref _chunks[slot >> ChunkShift][slot & (ChunkSize - 1)];

    /// <summary>Whether <paramref name="slot"/> holds an entry (a free slot has no family).</summary>
    public bool IsLive(int slot) => Core(slot).Family != (byte)IpFamily.Unspecified;

    /// <summary>Makes room for <paramref name="entries"/> entries in the index at once, so that a dump of a table whose size is known does not rehash as it fills.</summary>
    public void Reserve(int entries)
    {
        int size = _index.Length;
        while ((long)entries * 4 > (long)size * 3 && size < 1 << 30)
        {
            size *= 2;
        }

        if (size > _index.Length)
        {
            Reindex(size);
        }
    }

    /// <summary>The slot of the first entry with <paramref name="id"/>, or -1.</summary>
    public int Find(uint id) => Find(id, null);

    /// <summary>
    /// The slot of the entry that is <paramref name="entry"/>: the same id and the same original
    /// tuple. Conntrack ids are 32-bit hashes, so in a table of a million entries about a
    /// hundred share their id with another; the tuple tells them apart.
    /// </summary>
    public int Find(in EntryCore entry) => Find(entry.Id, entry);

    private int Find(uint id, EntryCore? same)
    {
        int mask = _index.Length - 1;
        byte tag = Tag(id);
        for (int position = Hash(id) & mask; ; position = (position + 1) & mask)
        {
            int slot = _index[position] - 1;
            if (slot < 0)
            {
                return -1;
            }

            if (_tags[position] == tag && Core(slot).Id == id && (same is not { } wanted || Core(slot).IsSameConnection(wanted)))
            {
                return slot;
            }
        }
    }

    /// <summary>Adds an entry that is not held yet (see <see cref="Find(in EntryCore)"/>).</summary>
    /// <returns>Its slot.</returns>
    public int Add(in LiveEntry entry)
    {
        if ((Count + 1) * 4 > _index.Length * 3)
        {
            Reindex(_index.Length * 2);
        }

        int slot = _freeCount > 0 ? _free[--_freeCount] : NewSlot();
        Replace(slot, entry);
        Insert(entry.Id, slot);
        Count++;
        return slot;
    }

    /// <summary>Replaces the entry in <paramref name="slot"/> with one of the same id.</summary>
    public void Replace(int slot, in LiveEntry entry)
    {
        CoreSlot(slot) = entry.Core;
        ref EntryCounters[]? counters = ref _counterChunks[slot >> ChunkShift];
        if (counters is null && entry.CountersOfEntry.IsZero)
        {
            return;
        }

        counters ??= new EntryCounters[ChunkSize];
        counters[slot & (ChunkSize - 1)] = entry.CountersOfEntry;
    }

    /// <summary>Removes the entry in <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        int mask = _index.Length - 1;
        int position = Hash(Core(slot).Id) & mask;
        while (_index[position] - 1 != slot)
        {
            position = (position + 1) & mask;
        }

        // Backward-shift deletion: pull later members of the probe run into the hole so that
        // lookups never stop early at it, without tombstones that would fill the index.
        int hole = position;
        for (int next = (hole + 1) & mask; _index[next] != 0; next = (next + 1) & mask)
        {
            int home = Hash(Core(_index[next] - 1).Id) & mask;
            bool movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                _index[hole] = _index[next];
                _tags[hole] = _tags[next];
                hole = next;
            }
        }

        _index[hole] = 0;
        Replace(slot, default);
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, Math.Max(256, _free.Length * 2));
        }

        _free[_freeCount++] = slot;
        Count--;
        if (Count * 8 < _index.Length && _index.Length > MinimumIndexSize)
        {
            Reindex(_index.Length / 2);
        }
    }

    /// <summary>Removes every entry and gives the memory back.</summary>
    public void Clear()
    {
        _chunks = [];
        _counterChunks = [];
        _slotCount = 0;
        _index = new int[MinimumIndexSize];
        _tags = new byte[MinimumIndexSize];
        _free = [];
        _freeCount = 0;
        Count = 0;
    }

    private EntryCounters CountersAt(int slot) =>
        _counterChunks[slot >> ChunkShift] is { } counters ? counters[slot & (ChunkSize - 1)] : default;

    private ref EntryCore CoreSlot(int slot) => ref _chunks[slot >> ChunkShift][slot & (ChunkSize - 1)];

    private int NewSlot()
    {
        if (_slotCount == _chunks.Length * ChunkSize)
        {
            Array.Resize(ref _chunks, _chunks.Length + 1);
            Array.Resize(ref _counterChunks, _chunks.Length);
            _chunks[^1] = new EntryCore[ChunkSize];
        }

        return _slotCount++;
    }

    private void Insert(uint id, int slot)
    {
        int mask = _index.Length - 1;
        int position = Hash(id) & mask;
        while (_index[position] != 0)
        {
            position = (position + 1) & mask;
        }

        _index[position] = slot + 1;
        _tags[position] = Tag(id);
    }

    private void Reindex(int size)
    {
        _index = new int[size];
        _tags = new byte[size];
        for (int slot = 0; slot < _slotCount; slot++)
        {
            if (IsLive(slot))
            {
                Insert(Core(slot).Id, slot);
            }
        }
    }

    // Conntrack ids are hashes already, but low bits of some kernels' ids repeat; a multiplicative mix spreads them.
    private static int Hash(uint id) => (int)((id * 0x9E3779B1u) >> 7);

    // Another mix for the tag, so entries whose positions collide still differ in their tags.
    private static byte Tag(uint id) => (byte)((id * 0x85EBCA6Bu) >> 24);
}
