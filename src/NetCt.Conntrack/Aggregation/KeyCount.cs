namespace NetCt.Conntrack;

/// <summary>One key of a <see cref="TopKeyCounter{TKey}"/> and how often it was seen.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Count">Its count: exact when <paramref name="Overcount"/> is 0, otherwise at most that much too high.</param>
/// <param name="Overcount">How much <paramref name="Count"/> may exceed the true count (the count of the key it replaced).</param>
public readonly record struct KeyCount<TKey>(TKey Key, long Count, long Overcount);
