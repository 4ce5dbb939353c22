using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>The top keys of one <see cref="TopKeyCounter{TKey}"/> and what the rest add up to.</summary>
/// <param name="Items">The most frequent keys, most frequent first.</param>
/// <param name="Other">Entries counted under the other keys.</param>
/// <param name="Exact">Whether the counts are exact (fewer distinct keys than the counter holds).</param>
internal sealed record TopList<TKey>(IReadOnlyList<KeyCount<TKey>> Items, long Other, bool Exact)
    where TKey : notnull
{
    public static TopList<TKey> Of(TopKeyCounter<TKey> counter, int count)
    {
        var items = counter.Top(count);
        long shown = 0;
        foreach (var item in items)
            shown += item.Count;
        // Approximate counts can over-add; "other" never goes below zero.
        return new TopList<TKey>(items, Math.Max(0, counter.Total - shown), counter.IsExact);
    }
}
