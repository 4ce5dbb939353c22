namespace NetCt.Conntrack;

/// <summary>
/// <c>enum ctattr_type</c> members newer than the UAPI headers <c>NetCt.Interop</c> was generated
/// from (and checked against): the installed linux-libc-dev stops at CTA_STATUS_MASK.
/// </summary>
internal static class CtattrTypeAdditions
{
    /// <summary>CTA_TIMESTAMP_EVENT (27): when the kernel generated an event, u64 nanoseconds (6.14+).</summary>
    public const ushort CTA_TIMESTAMP_EVENT = 27;
}
