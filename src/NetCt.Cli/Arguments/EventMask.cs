namespace NetCt.Cli.Arguments;

/// <summary>The event types <c>-e</c> selects (for <c>-E</c>; <c>-E expect</c> maps them to expectation events).</summary>
[Flags]
internal enum EventMask
{
    None = 0,

    /// <summary>NEW.</summary>
    New = 1 << 0,

    /// <summary>UPDATES.</summary>
    Updates = 1 << 1,

    /// <summary>DESTROY.</summary>
    Destroy = 1 << 2,

    /// <summary>ALL.</summary>
    All = New | Updates | Destroy,
}
