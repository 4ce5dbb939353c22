namespace NetCt.Interop;

/// <summary><c>enum ctattr_timeout_udp</c>: the nested attributes of CTA_TIMEOUT_DATA for udp, u32 seconds big-endian (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtattrTimeoutUdp : ushort
{
    /// <summary>CTA_TIMEOUT_UDP_UNSPEC.</summary>
    CTA_TIMEOUT_UDP_UNSPEC = 0,

    /// <summary>CTA_TIMEOUT_UDP_UNREPLIED.</summary>
    CTA_TIMEOUT_UDP_UNREPLIED = 1,

    /// <summary>CTA_TIMEOUT_UDP_REPLIED.</summary>
    CTA_TIMEOUT_UDP_REPLIED = 2,
}
