using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// Counts keys of a stream in bounded memory and answers "which keys are most frequent" (the
/// Space-Saving algorithm of Metwally, Agrawal and El Abbadi, 2005). At most <c>capacity</c> keys are
/// held; while no more distinct keys than that have been seen every count is exact. Beyond it, a new
/// key replaces the key with the smallest count and inherits that count as its possible
/// <see cref="KeyCount{TKey}.Overcount"/>: every key seen more than <see cref="Total"/> / capacity
/// times is guaranteed to be held, so the top keys of a skewed stream (what fills a table) are right.
/// </summary>
/// <typeparam name="TKey">The key type; equality decides what counts as the same key.</typeparam>
public sealed class TopKeyCounter<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _slotOf;
    private readonly TKey[] _keys;
    private readonly long[] _counts;
    private readonly long[] _overcounts;

    // A min-heap of slots ordered by count, so that the slot to replace is always _heap[0].
    private readonly int[] _heap;
    private readonly int[] _heapIndexOf;
    private int _used;

    /// <summary>Creates a counter that holds at most <paramref name="capacity"/> keys.</summary>
    /// <param name="capacity">The number of keys held; memory is proportional to it.</param>
    public TopKeyCounter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slotOf = new Dictionary<TKey, int>(capacity);
        _keys = new TKey[capacity];
        _counts = new long[capacity];
        _overcounts = new long[capacity];
        _heap = new int[capacity];
        _heapIndexOf = new int[capacity];
    }

    /// <summary>The number of keys added, counting repeats.</summary>
    public long Total { get; private set; }

    /// <summary>Whether every count is exact: no more distinct keys were added than the capacity.</summary>
    public bool IsExact { get; private set; } = true;

    /// <summary>Counts one occurrence of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public void Add(TKey key)
    {
        Total++;
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slotOf, key, out bool held);
        if (held)
        {
            _counts[slot]++;
            SiftDown(_heapIndexOf[slot]);
            return;
        }

        if (_used < _keys.Length)
        {
            slot = _used;
            _keys[slot] = key;
            _counts[slot] = 1;
            _heap[_used] = slot;
            _heapIndexOf[slot] = _used;
            _used++;
            SiftUp(_heapIndexOf[slot]);
            return;
        }

        // Full: the new key takes over the least counted slot (removing the old key invalidates the
        // reference into the dictionary, so the slot is stored again afterwards).
        int victim = _heap[0];
        long floor = _counts[victim];
        _slotOf.Remove(_keys[victim]);
        _slotOf[key] = victim;
        _keys[victim] = key;
        _counts[victim] = floor + 1;
        _overcounts[victim] = floor;
        IsExact = false;
        SiftDown(0);
    }

    /// <summary>The <paramref name="count"/> most frequent keys held, most frequent first (ties in no particular order).</summary>
    /// <param name="count">How many to return at most.</param>
    /// <returns>The keys with their counts.</returns>
    public IReadOnlyList<KeyCount<TKey>> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var slots = new int[_used];
        for (int i = 0; i < _used; i++)
        {
            slots[i] = i;
        }

        Array.Sort(slots, (a, b) => _counts[b].CompareTo(_counts[a]));
        var top = new KeyCount<TKey>[Math.Min(count, _used)];
        for (int i = 0; i < top.Length; i++)
        {
            int slot = slots[i];
            top[i] = new KeyCount<TKey>(_keys[slot], _counts[slot], _overcounts[slot]);
        }

        return top;
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (_counts[_heap[parent]] <= _counts[_heap[index]])
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            int smallest = index;
            int left = (2 * index) + 1;
            int right = left + 1;
            if (left < _used && _counts[_heap[left]] < _counts[_heap[smallest]])
            {
                smallest = left;
            }

            if (right < _used && _counts[_heap[right]] < _counts[_heap[smallest]])
            {
                smallest = right;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heapIndexOf[_heap[a]] = a;
        _heapIndexOf[_heap[b]] = b;
    }
}
