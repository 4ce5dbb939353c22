namespace NetCt.Conntrack;

/// <summary>
/// The entries the last NEW events put in a <see cref="LiveTable"/>, with when each came, in a ring
/// of at most <see cref="Capacity"/>: NEW events per second by group are counted from it for any
/// grouping, at any moment (right after a view switches grouping too), instead of from two readings
/// of one grouping's totals. A ring that wrapped within the window asked for gives the rate over the
/// part it still holds.
/// </summary>
internal sealed class CreateLog
{
    /// <summary>Creates remembered: 1.6 s of 20,000 creates per second, about 2 MiB at most.</summary>
    public const int Capacity = 32768;

    private Record[] _records = [];
    private int _next;
    private int _count;
    private long _droppedUntil = long.MinValue;

    /// <summary>Bytes held.</summary>
    public long AllocatedBytes => (long)_records.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Record>();

    /// <summary>Remembers that <paramref name="entry"/> was created at <paramref name="ticks"/> (the model clock's timestamp).</summary>
    public void Add(in EntryCore entry, long ticks)
    {
        if (_count == _records.Length && _records.Length < Capacity)
        {
            var grown = new Record[Math.Max(256, _records.Length * 2)];
            for (int i = 0; i < _count; i++)
            {
                grown[i] = _records[(_next + i) % _count];
            }

            (_records, _next) = (grown, _count);
        }

        if (_count == _records.Length)
        {
            _droppedUntil = _records[_next].Ticks;
        }
        else
        {
            _count++;
        }

        _records[_next] = new Record(entry, ticks);
        _next = (_next + 1) % _records.Length;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each remembered create at or after <paramref name="since"/>,
    /// newest first, and returns from when the log is complete: <paramref name="since"/>, or later
    /// when creates after it were forgotten.
    /// </summary>
    public long Visit(long since, Action<EntryCore> visit)
    {
        for (int i = 1; i <= _count; i++)
        {
            ref readonly Record record = ref _records[(_next - i + _records.Length) % _records.Length];
            if (record.Ticks < since)
            {
                break;
            }

            visit(record.Entry);
        }

        return Math.Max(since, _droppedUntil);
    }

    public void Clear()
    {
        _records = [];
        _next = _count = 0;
        _droppedUntil = long.MinValue;
    }

    private readonly record struct Record(EntryCore Entry, long Ticks);
}
