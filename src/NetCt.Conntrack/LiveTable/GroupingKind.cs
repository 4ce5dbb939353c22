namespace NetCt.Conntrack;

/// <summary>What a <see cref="LiveTable"/> aggregate groups its entries by.</summary>
public enum GroupingKind
{
    /// <summary>Layer-4 protocol and its tracker state (tcp ESTABLISHED, udp, ...).</summary>
    ProtocolState,

    /// <summary>CTA_ZONE.</summary>
    Zone,

    /// <summary>CTA_MARK.</summary>
    Mark,

    /// <summary>Original source address.</summary>
    Source,

    /// <summary>Original destination address.</summary>
    Destination,

    /// <summary>Layer-4 protocol and original destination port.</summary>
    DestinationPort,

    /// <summary>Layer-3 family.</summary>
    Family,

    /// <summary>Assured, replied but not assured, or unreplied (see <see cref="AssuranceClass"/>).</summary>
    Assurance,
}

/// <summary>The three classes of <see cref="GroupingKind.Assurance"/>.</summary>
public enum AssuranceClass
{
    /// <summary>IPS_ASSURED set.</summary>
    Assured,

    /// <summary>A reply was seen (IPS_SEEN_REPLY) but the entry is not assured.</summary>
    Replied,

    /// <summary>No reply seen yet (conntrack's [UNREPLIED]).</summary>
    Unreplied,
}
