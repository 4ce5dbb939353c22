namespace NetCt.Conntrack;

/// <summary>
/// The dump filters the kernel can evaluate, one flag per kernel feature, ordered oldest to newest
/// so that dropping the highest bit first gives up the feature least likely to be supported.
/// </summary>
[Flags]
internal enum KernelFilterFeatures
{
    /// <summary>Only the nfgenmsg family, which every kernel honours.</summary>
    None = 0,

    /// <summary>CTA_MARK + CTA_MARK_MASK (3.x kernels; EOPNOTSUPP without CONFIG_NF_CONNTRACK_MARK).</summary>
    Mark = 1 << 0,

    /// <summary>CTA_FILTER with CTA_TUPLE_ORIG/REPLY (5.8).</summary>
    Tuple = 1 << 1,

    /// <summary>CTA_STATUS + CTA_STATUS_MASK (5.15).</summary>
    Status = 1 << 2,

    /// <summary>CTA_ZONE (6.8).</summary>
    Zone = 1 << 3,
}
