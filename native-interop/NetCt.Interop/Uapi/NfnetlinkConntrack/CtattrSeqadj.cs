namespace NetCt.Interop;

/// <summary><c>enum ctattr_seqadj</c>: members of a CTA_SEQ_ADJ_* nest.</summary>
public enum CtattrSeqadj : ushort
{
    /// <summary>CTA_SEQADJ_UNSPEC.</summary>
    CTA_SEQADJ_UNSPEC = 0,

    /// <summary>CTA_SEQADJ_CORRECTION_POS: sequence number where the correction starts (u32).</summary>
    CTA_SEQADJ_CORRECTION_POS = 1,

    /// <summary>CTA_SEQADJ_OFFSET_BEFORE: offset before the correction position (u32).</summary>
    CTA_SEQADJ_OFFSET_BEFORE = 2,

    /// <summary>CTA_SEQADJ_OFFSET_AFTER: offset after the correction position (u32).</summary>
    CTA_SEQADJ_OFFSET_AFTER = 3,
}
