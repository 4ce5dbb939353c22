namespace NetCt.Interop;

/// <summary><c>enum ip_conntrack_dir</c> (<c>linux/netfilter/nf_conntrack_tuple_common.h</c>), used by CTA_EXPECT_NAT_DIR.</summary>
public enum IpConntrackDir
{
    /// <summary>IP_CT_DIR_ORIGINAL: the direction of the first packet.</summary>
    IP_CT_DIR_ORIGINAL = 0,

    /// <summary>IP_CT_DIR_REPLY: the reply direction.</summary>
    IP_CT_DIR_REPLY = 1,

    /// <summary>IP_CT_DIR_MAX: number of directions.</summary>
    IP_CT_DIR_MAX = 2,
}
