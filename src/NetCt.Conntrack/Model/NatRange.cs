using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// CTA_NAT_SRC or CTA_NAT_DST: the NAT mapping to apply when an entry is created
/// (the address and port range the kernel picks from).
/// </summary>
public sealed class NatRange
{
    /// <summary>CTA_NAT_V4_MINIP or CTA_NAT_V6_MINIP.</summary>
    public IPAddress? MinAddress { get; set; }

    /// <summary>CTA_NAT_V4_MAXIP or CTA_NAT_V6_MAXIP.</summary>
    public IPAddress? MaxAddress { get; set; }

    /// <summary>CTA_PROTONAT_PORT_MIN.</summary>
    public ushort? MinPort { get; set; }

    /// <summary>CTA_PROTONAT_PORT_MAX.</summary>
    public ushort? MaxPort { get; set; }
}
