namespace NetCt.Conntrack;

/// <summary>The column <see cref="LiveTable.Query"/> sorts entries by.</summary>
public enum EntrySortKey
{
    /// <summary>Original source address, then source port (IPv4 before IPv6).</summary>
    Source,

    /// <summary>Original destination address, then destination port.</summary>
    Destination,

    /// <summary>Protocol, then tracker state.</summary>
    Protocol,

    /// <summary>Tracker state, then protocol.</summary>
    State,

    /// <summary>Original source port.</summary>
    SourcePort,

    /// <summary>Original destination port.</summary>
    DestinationPort,

    /// <summary>Time to live.</summary>
    TimeToLive,

    /// <summary>Bytes of both directions.</summary>
    Bytes,

    /// <summary>Packets of both directions.</summary>
    Packets,

    /// <summary>Mark.</summary>
    Mark,

    /// <summary>Zone.</summary>
    Zone,

    /// <summary>Conntrack id.</summary>
    Id,
}

/// <summary>A page of <see cref="LiveTable.Query"/>: the sorted entries from <paramref name="Skip"/>, and how many there are in all.</summary>
/// <param name="Total">Entries in the model.</param>
/// <param name="Skip">Index (in sorted order) of the first row.</param>
/// <param name="Rows">The page's entries, copied.</param>
public sealed record LiveEntryPage(int Total, int Skip, IReadOnlyList<LiveEntry> Rows);
