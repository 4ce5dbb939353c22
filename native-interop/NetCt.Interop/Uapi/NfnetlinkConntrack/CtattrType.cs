namespace NetCt.Interop;

/// <summary>
/// <c>enum ctattr_type</c>: top-level attributes of a conntrack message
/// (<c>linux/netfilter/nfnetlink_conntrack.h</c>). Integers are big-endian unless noted.
/// </summary>
public enum CtattrType : ushort
{
    /// <summary>CTA_UNSPEC.</summary>
    CTA_UNSPEC = 0,

    /// <summary>CTA_TUPLE_ORIG: original-direction tuple (nested <see cref="CtattrTuple"/>).</summary>
    CTA_TUPLE_ORIG = 1,

    /// <summary>CTA_TUPLE_REPLY: reply-direction tuple (nested <see cref="CtattrTuple"/>).</summary>
    CTA_TUPLE_REPLY = 2,

    /// <summary>CTA_STATUS: status bits (u32, <see cref="IpConntrackStatus"/>).</summary>
    CTA_STATUS = 3,

    /// <summary>CTA_PROTOINFO: protocol state (nested <see cref="CtattrProtoinfo"/>).</summary>
    CTA_PROTOINFO = 4,

    /// <summary>CTA_HELP: helper (nested <see cref="CtattrHelp"/>).</summary>
    CTA_HELP = 5,

    /// <summary>CTA_NAT_SRC: source NAT setup (nested <see cref="CtattrNat"/>).</summary>
    CTA_NAT_SRC = 6,

    /// <summary>CTA_NAT: backwards-compatible alias of CTA_NAT_SRC.</summary>
    CTA_NAT = CTA_NAT_SRC,

    /// <summary>CTA_TIMEOUT: seconds until expiry (u32).</summary>
    CTA_TIMEOUT = 7,

    /// <summary>CTA_MARK: connection mark (u32).</summary>
    CTA_MARK = 8,

    /// <summary>CTA_COUNTERS_ORIG: original-direction counters (nested <see cref="CtattrCounters"/>).</summary>
    CTA_COUNTERS_ORIG = 9,

    /// <summary>CTA_COUNTERS_REPLY: reply-direction counters (nested <see cref="CtattrCounters"/>).</summary>
    CTA_COUNTERS_REPLY = 10,

    /// <summary>CTA_USE: reference count (u32).</summary>
    CTA_USE = 11,

    /// <summary>CTA_ID: entry id (u32).</summary>
    CTA_ID = 12,

    /// <summary>CTA_NAT_DST: destination NAT setup (nested <see cref="CtattrNat"/>).</summary>
    CTA_NAT_DST = 13,

    /// <summary>CTA_TUPLE_MASTER: tuple of the master connection of an expected one (nested <see cref="CtattrTuple"/>).</summary>
    CTA_TUPLE_MASTER = 14,

    /// <summary>CTA_SEQ_ADJ_ORIG: original-direction sequence adjustment (nested <see cref="CtattrSeqadj"/>).</summary>
    CTA_SEQ_ADJ_ORIG = 15,

    /// <summary>CTA_NAT_SEQ_ADJ_ORIG: alias of CTA_SEQ_ADJ_ORIG.</summary>
    CTA_NAT_SEQ_ADJ_ORIG = CTA_SEQ_ADJ_ORIG,

    /// <summary>CTA_SEQ_ADJ_REPLY: reply-direction sequence adjustment (nested <see cref="CtattrSeqadj"/>).</summary>
    CTA_SEQ_ADJ_REPLY = 16,

    /// <summary>CTA_NAT_SEQ_ADJ_REPLY: alias of CTA_SEQ_ADJ_REPLY.</summary>
    CTA_NAT_SEQ_ADJ_REPLY = CTA_SEQ_ADJ_REPLY,

    /// <summary>CTA_SECMARK: security mark (u32; obsolete, superseded by CTA_SECCTX).</summary>
    CTA_SECMARK = 17,

    /// <summary>CTA_ZONE: conntrack zone (u16).</summary>
    CTA_ZONE = 18,

    /// <summary>CTA_SECCTX: security context (nested <see cref="CtattrSecctx"/>).</summary>
    CTA_SECCTX = 19,

    /// <summary>CTA_TIMESTAMP: start/stop timestamps (nested <see cref="CtattrTstamp"/>).</summary>
    CTA_TIMESTAMP = 20,

    /// <summary>CTA_MARK_MASK: mask applied with CTA_MARK in dumps, flushes and updates (u32).</summary>
    CTA_MARK_MASK = 21,

    /// <summary>CTA_LABELS: connlabel bitmap (binary, 16 bytes).</summary>
    CTA_LABELS = 22,

    /// <summary>CTA_LABELS_MASK: mask of the labels to change (binary, same length as CTA_LABELS).</summary>
    CTA_LABELS_MASK = 23,

    /// <summary>CTA_SYNPROXY: synproxy state (nested <see cref="CtattrSynproxy"/>).</summary>
    CTA_SYNPROXY = 24,

    /// <summary>CTA_FILTER: kernel-side tuple filter for dumps (nested <see cref="CtattrFilter"/>; 5.8+).</summary>
    CTA_FILTER = 25,

    /// <summary>CTA_STATUS_MASK: mask applied with CTA_STATUS in dumps (u32; 5.15+).</summary>
    CTA_STATUS_MASK = 26,

    /// <summary>CTA_TIMESTAMP_EVENT: when the kernel generated an event, nanoseconds (u64; events only, 6.14+).</summary>
    CTA_TIMESTAMP_EVENT = 27,
}
