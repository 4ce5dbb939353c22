namespace NetCt.Interop;

/// <summary><c>enum ctattr_filter</c>: members of a CTA_FILTER nest (5.8+).</summary>
public enum CtattrFilter : ushort
{
    /// <summary>CTA_FILTER_UNSPEC.</summary>
    CTA_FILTER_UNSPEC = 0,

    /// <summary>CTA_FILTER_ORIG_FLAGS: which CTA_TUPLE_ORIG fields must match (u32 in HOST byte order, <see cref="CtaFilterFlags"/>).</summary>
    CTA_FILTER_ORIG_FLAGS = 1,

    /// <summary>CTA_FILTER_REPLY_FLAGS: which CTA_TUPLE_REPLY fields must match (u32 in HOST byte order, <see cref="CtaFilterFlags"/>).</summary>
    CTA_FILTER_REPLY_FLAGS = 2,
}
