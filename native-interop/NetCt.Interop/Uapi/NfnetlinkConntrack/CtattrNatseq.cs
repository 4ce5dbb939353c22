namespace NetCt.Interop;

/// <summary><c>enum ctattr_natseq</c>: the older names of <see cref="CtattrSeqadj"/>.</summary>
public enum CtattrNatseq : ushort
{
    /// <summary>CTA_NAT_SEQ_UNSPEC.</summary>
    CTA_NAT_SEQ_UNSPEC = 0,

    /// <summary>CTA_NAT_SEQ_CORRECTION_POS (u32).</summary>
    CTA_NAT_SEQ_CORRECTION_POS = 1,

    /// <summary>CTA_NAT_SEQ_OFFSET_BEFORE (u32).</summary>
    CTA_NAT_SEQ_OFFSET_BEFORE = 2,

    /// <summary>CTA_NAT_SEQ_OFFSET_AFTER (u32).</summary>
    CTA_NAT_SEQ_OFFSET_AFTER = 3,
}
