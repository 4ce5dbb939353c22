namespace NetCt.Conntrack;

/// <summary>
/// A conntrack entry: what the kernel reports for a tracked connection, or what a request asks it
/// to create or change. Every field is nullable: null means the attribute was absent (or is not to
/// be sent), which is not the same as zero.
/// </summary>
public sealed class Flow
{
    /// <summary>The layer-3 family (nfgenmsg.nfgen_family).</summary>
    public IpFamily Family { get; set; }

    /// <summary>CTA_TUPLE_ORIG: the direction of the first packet.</summary>
    public FlowTuple? Original { get; set; }

    /// <summary>CTA_TUPLE_REPLY: the expected answer direction.</summary>
    public FlowTuple? Reply { get; set; }

    /// <summary>CTA_TUPLE_MASTER: the original tuple of the connection that expected this one.</summary>
    public FlowTuple? Master { get; set; }

    /// <summary>CTA_STATUS.</summary>
    public FlowStatus? Status { get; set; }

    /// <summary>CTA_TIMEOUT: seconds until the entry expires.</summary>
    public uint? Timeout { get; set; }

    /// <summary>CTA_MARK.</summary>
    public uint? Mark { get; set; }

    /// <summary>CTA_SECMARK.</summary>
    public uint? Secmark { get; set; }

    /// <summary>CTA_SECCTX/CTA_SECCTX_NAME: the security context.</summary>
    public string? SecurityContext { get; set; }

    /// <summary>CTA_ZONE: the zone of the entry.</summary>
    public ushort? Zone { get; set; }

    /// <summary>CTA_USE: the reference count.</summary>
    public uint? Use { get; set; }

    /// <summary>CTA_ID: the entry's identifier.</summary>
    public uint? Id { get; set; }

    /// <summary>CTA_COUNTERS_ORIG.</summary>
    public Counters? OriginalCounters { get; set; }

    /// <summary>CTA_COUNTERS_REPLY.</summary>
    public Counters? ReplyCounters { get; set; }

    /// <summary>CTA_TIMESTAMP.</summary>
    public FlowTimestamps? Timestamps { get; set; }

    /// <summary>CTA_TIMESTAMP_EVENT: when the kernel generated the event, in nanoseconds (events only, 6.x kernels).</summary>
    public ulong? EventTimestamp { get; set; }

    /// <summary>CTA_HELP/CTA_HELP_NAME: the helper assigned to the entry.</summary>
    public string? Helper { get; set; }

    /// <summary>CTA_LABELS: the connection label bitmap, bit N being label N.</summary>
    public byte[]? Labels { get; set; }

    /// <summary>CTA_LABELS_MASK: which label bits a request changes.</summary>
    public byte[]? LabelsMask { get; set; }

    /// <summary>CTA_PROTOINFO_TCP.</summary>
    public TcpInfo? Tcp { get; set; }

    /// <summary>CTA_PROTOINFO_SCTP.</summary>
    public SctpInfo? Sctp { get; set; }

    /// <summary>CTA_PROTOINFO_DCCP.</summary>
    public DccpInfo? Dccp { get; set; }

    /// <summary>CTA_NAT_SRC: source NAT to set up on creation.</summary>
    public NatRange? SourceNat { get; set; }

    /// <summary>CTA_NAT_DST: destination NAT to set up on creation.</summary>
    public NatRange? DestinationNat { get; set; }

    /// <summary>CTA_SEQ_ADJ_ORIG.</summary>
    public SequenceAdjustment? SequenceAdjustmentOriginal { get; set; }

    /// <summary>CTA_SEQ_ADJ_REPLY.</summary>
    public SequenceAdjustment? SequenceAdjustmentReply { get; set; }

    /// <summary>CTA_SYNPROXY.</summary>
    public SynproxyInfo? Synproxy { get; set; }

    /// <summary>The layer-4 protocol number of the original tuple, if known.</summary>
    public byte? Protocol => Original?.Protocol ?? Reply?.Protocol;

    /// <summary>Sets every field back to unset, for a decoder that reuses the instance (<see cref="ReusableFlowDecoder"/>).</summary>
    internal void Clear()
    {
        Family = default;
        Original = null;
        Reply = null;
        Master = null;
        Status = null;
        Timeout = null;
        Mark = null;
        Secmark = null;
        SecurityContext = null;
        Zone = null;
        Use = null;
        Id = null;
        OriginalCounters = null;
        ReplyCounters = null;
        Timestamps = null;
        EventTimestamp = null;
        Helper = null;
        Labels = null;
        LabelsMask = null;
        Tcp = null;
        Sctp = null;
        Dccp = null;
        SourceNat = null;
        DestinationNat = null;
        SequenceAdjustmentOriginal = null;
        SequenceAdjustmentReply = null;
        Synproxy = null;
    }
}
