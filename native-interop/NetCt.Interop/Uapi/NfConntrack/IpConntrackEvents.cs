namespace NetCt.Interop;

/// <summary>
/// <c>enum ip_conntrack_events</c> (<c>linux/netfilter/nf_conntrack_common.h</c>): event bit
/// numbers (the event mask is <c>1 &lt;&lt; value</c>).
/// </summary>
public enum IpConntrackEvents
{
    /// <summary>IPCT_NEW: new conntrack.</summary>
    IPCT_NEW = 0,

    /// <summary>IPCT_RELATED: related conntrack.</summary>
    IPCT_RELATED = 1,

    /// <summary>IPCT_DESTROY: destroyed conntrack.</summary>
    IPCT_DESTROY = 2,

    /// <summary>IPCT_REPLY: two-way traffic seen.</summary>
    IPCT_REPLY = 3,

    /// <summary>IPCT_ASSURED: became assured.</summary>
    IPCT_ASSURED = 4,

    /// <summary>IPCT_PROTOINFO: protocol state changed.</summary>
    IPCT_PROTOINFO = 5,

    /// <summary>IPCT_HELPER: helper set.</summary>
    IPCT_HELPER = 6,

    /// <summary>IPCT_MARK: mark set.</summary>
    IPCT_MARK = 7,

    /// <summary>IPCT_SEQADJ: sequence adjustment changed.</summary>
    IPCT_SEQADJ = 8,

    /// <summary>IPCT_NATSEQADJ: alias of IPCT_SEQADJ.</summary>
    IPCT_NATSEQADJ = IPCT_SEQADJ,

    /// <summary>IPCT_SECMARK: security mark set.</summary>
    IPCT_SECMARK = 9,

    /// <summary>IPCT_LABEL: connlabel set.</summary>
    IPCT_LABEL = 10,

    /// <summary>IPCT_SYNPROXY: synproxy set.</summary>
    IPCT_SYNPROXY = 11,
}
