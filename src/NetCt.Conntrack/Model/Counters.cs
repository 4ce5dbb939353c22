namespace NetCt.Conntrack;

/// <summary>CTA_COUNTERS_ORIG or CTA_COUNTERS_REPLY: packets and bytes seen in one direction.</summary>
/// <param name="Packets">CTA_COUNTERS_PACKETS (or the 32-bit CTA_COUNTERS32_PACKETS of old kernels).</param>
/// <param name="Bytes">CTA_COUNTERS_BYTES (or CTA_COUNTERS32_BYTES).</param>
public readonly record struct Counters(ulong Packets, ulong Bytes);

/// <summary>CTA_TIMESTAMP: when the entry started and, for destroyed entries, stopped, in nanoseconds since the epoch.</summary>
/// <param name="Start">CTA_TIMESTAMP_START.</param>
/// <param name="Stop">CTA_TIMESTAMP_STOP, or null while the entry lives.</param>
public readonly record struct FlowTimestamps(ulong Start, ulong? Stop);

/// <summary>CTA_SEQ_ADJ_ORIG or CTA_SEQ_ADJ_REPLY: a NAT helper's TCP sequence number correction.</summary>
/// <param name="CorrectionPosition">CTA_SEQADJ_CORRECTION_POS.</param>
/// <param name="OffsetBefore">CTA_SEQADJ_OFFSET_BEFORE.</param>
/// <param name="OffsetAfter">CTA_SEQADJ_OFFSET_AFTER.</param>
public readonly record struct SequenceAdjustment(uint CorrectionPosition, uint OffsetBefore, uint OffsetAfter);

/// <summary>CTA_SYNPROXY: the SYN proxy's sequence and timestamp offsets.</summary>
/// <param name="InitialSequence">CTA_SYNPROXY_ISN.</param>
/// <param name="InitialTimestamp">CTA_SYNPROXY_ITS.</param>
/// <param name="TimestampOffset">CTA_SYNPROXY_TSOFF.</param>
public readonly record struct SynproxyInfo(uint InitialSequence, uint InitialTimestamp, uint TimestampOffset);
