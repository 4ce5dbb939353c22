namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_generic</c>: the nested attributes of CTA_TIMEOUT_DATA for generic, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutGeneric : ushort
{
    /// <summary>CTA_TIMEOUT_GENERIC_UNSPEC.</summary>
    CTA_TIMEOUT_GENERIC_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_GENERIC_TIMEOUT.</summary>
    CTA_TIMEOUT_GENERIC_TIMEOUT = 1,
}
