namespace NetCt.Conntrack;

/// <summary>
/// The entries of a <see cref="LiveTable"/>: <see cref="LiveEntry"/> values in fixed-size chunks (a
/// growing table never copies what it holds, and slack is at most one chunk), found by id through an
/// open-addressing index of slot numbers (linear probing, at most 3/4 full). About 84 bytes per entry
/// plus 5 to 11 for the index. Not thread-safe: <see cref="LiveTable"/> locks around it.
/// </summary>
internal sealed class EntryStore
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private const int MinimumIndexSize = 1024;

    private LiveEntry[][] _chunks = [];
    private int _slotCount;
    private int[] _index = new int[MinimumIndexSize];
    private int _freeCount;
    private int[] _free = [];

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>Slots ever used (live or free): the range of <see cref="IsLive"/> and <see cref="this"/>.</summary>
    public int SlotCount => _slotCount;

    /// <summary>Bytes held by the store's arrays (entries, index, free list).</summary>
    public long AllocatedBytes =>
        (long)_chunks.Length * ChunkSize * System.Runtime.CompilerServices.Unsafe.SizeOf<LiveEntry>()
        + (long)_index.Length * sizeof(int) + (long)_free.Length * sizeof(int);

    /// <summary>The entry in <paramref name="slot"/>.</summary>
    public ref readonly LiveEntry this[int slot] => ref _chunks[slot >> ChunkShift][slot & (ChunkSize - 1)];

    /// <summary>Whether <paramref name="slot"/> holds an entry (a free slot has no family).</summary>
    public bool IsLive(int slot) => this[slot].Family != IpFamily.Unspecified;

    /// <summary>The slot of the entry with <paramref name="id"/>, or -1.</summary>
    public int Find(uint id)
    {
        int mask = _index.Length - 1;
        for (int position = Hash(id) & mask; ; position = (position + 1) & mask)
        {
            int slot = _index[position] - 1;
            if (slot < 0)
            {
                return -1;
            }

            if (this[slot].Id == id)
            {
                return slot;
            }
        }
    }

    /// <summary>Adds an entry whose id is not held yet.</summary>
    /// <returns>Its slot.</returns>
    public int Add(in LiveEntry entry)
    {
        if ((Count + 1) * 4 > _index.Length * 3)
        {
            Reindex(_index.Length * 2);
        }

        int slot = _freeCount > 0 ? _free[--_freeCount] : NewSlot();
        Slot(slot) = entry;
        Insert(entry.Id, slot);
        Count++;
        return slot;
    }

    /// <summary>Replaces the entry in <paramref name="slot"/> with one of the same id.</summary>
    public void Replace(int slot, in LiveEntry entry) => Slot(slot) = entry;

    /// <summary>Removes the entry in <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        int mask = _index.Length - 1;
        int position = Hash(this[slot].Id) & mask;
        while (_index[position] - 1 != slot)
        {
            position = (position + 1) & mask;
        }

        // Backward-shift deletion: pull later members of the probe run into the hole so that
        // lookups never stop early at it, without tombstones that would fill the index.
        int hole = position;
        for (int next = (hole + 1) & mask; _index[next] != 0; next = (next + 1) & mask)
        {
            int home = Hash(this[_index[next] - 1].Id) & mask;
            bool movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                _index[hole] = _index[next];
                hole = next;
            }
        }

        _index[hole] = 0;
        Slot(slot) = default;
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
        _slotCount = 0;
        _index = new int[MinimumIndexSize];
        _free = [];
        _freeCount = 0;
        Count = 0;
    }

    private ref LiveEntry Slot(int slot) => ref _chunks[slot >> ChunkShift][slot & (ChunkSize - 1)];

    private int NewSlot()
    {
        if (_slotCount == _chunks.Length * ChunkSize)
        {
            Array.Resize(ref _chunks, _chunks.Length + 1);
            _chunks[^1] = new LiveEntry[ChunkSize];
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
    }

    private void Reindex(int size)
    {
        _index = new int[size];
        for (int slot = 0; slot < _slotCount; slot++)
        {
            if (IsLive(slot))
            {
                Insert(this[slot].Id, slot);
            }
        }
    }

    // Conntrack ids are hashes already, but low bits of some kernels' ids repeat; a multiplicative mix spreads them.
    private static int Hash(uint id) => (int)((id * 0x9E3779B1u) >> 7);
}
