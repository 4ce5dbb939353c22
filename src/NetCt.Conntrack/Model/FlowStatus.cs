namespace NetCt.Conntrack;

/// <summary>The status bits of a conntrack entry (enum ip_conntrack_status, in header order).</summary>
[Flags]
public enum FlowStatus : uint
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>IPS_EXPECTED: the entry was created from an expectation.</summary>
    Expected = 1 << 0,

    /// <summary>IPS_SEEN_REPLY: packets were seen in both directions.</summary>
    SeenReply = 1 << 1,

    /// <summary>IPS_ASSURED: the entry will not be evicted early.</summary>
    Assured = 1 << 2,

    /// <summary>IPS_CONFIRMED: the entry is in the table.</summary>
    Confirmed = 1 << 3,

    /// <summary>IPS_SRC_NAT: the source is rewritten.</summary>
    SourceNat = 1 << 4,

    /// <summary>IPS_DST_NAT: the destination is rewritten.</summary>
    DestinationNat = 1 << 5,

    /// <summary>IPS_SEQ_ADJUST: TCP sequence numbers are adjusted.</summary>
    SequenceAdjust = 1 << 6,

    /// <summary>IPS_SRC_NAT_DONE.</summary>
    SourceNatDone = 1 << 7,

    /// <summary>IPS_DST_NAT_DONE.</summary>
    DestinationNatDone = 1 << 8,

    /// <summary>IPS_DYING: the entry is being destroyed.</summary>
    Dying = 1 << 9,

    /// <summary>IPS_FIXED_TIMEOUT: the timeout does not follow the protocol state.</summary>
    FixedTimeout = 1 << 10,

    /// <summary>IPS_TEMPLATE.</summary>
    Template = 1 << 11,

    /// <summary>IPS_NAT_CLASH (formerly IPS_UNTRACKED).</summary>
    NatClash = 1 << 12,

    /// <summary>IPS_HELPER: a helper was assigned explicitly.</summary>
    Helper = 1 << 13,

    /// <summary>IPS_OFFLOAD: the flow is in a software flow table.</summary>
    Offload = 1 << 14,

    /// <summary>IPS_HW_OFFLOAD: the flow is offloaded to hardware.</summary>
    HardwareOffload = 1 << 15,
}
