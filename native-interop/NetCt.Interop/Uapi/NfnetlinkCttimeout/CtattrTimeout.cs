namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout</c>: attributes of a timeout policy message (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeout : ushort
{
    /// <summary>CTA_TIMEOUT_UNSPEC.</summary>
    CTA_TIMEOUT_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_NAME.</summary>
    CTA_TIMEOUT_NAME = 1,

    /// <summary>CTA_TIMEOUT_L3PROTO.</summary>
    CTA_TIMEOUT_L3PROTO = 2,

    /// <summary>CTA_TIMEOUT_L4PROTO.</summary>
    CTA_TIMEOUT_L4PROTO = 3,

    /// <summary>CTA_TIMEOUT_DATA.</summary>
    CTA_TIMEOUT_DATA = 4,

    /// <summary>CTA_TIMEOUT_USE.</summary>
    CTA_TIMEOUT_USE = 5,
}
