namespace NetCt.Interop;

/// <summary>
/// <c>enum nfnetlink_groups</c>: multicast groups of NETLINK_NETFILTER
/// (<c>linux/netfilter/nfnetlink.h</c>), joined with NETLINK_ADD_MEMBERSHIP.
/// </summary>
public enum NfnetlinkGroups : uint
{
    /// <summary>NFNLGRP_NONE.</summary>
    NFNLGRP_NONE = 0,

    /// <summary>NFNLGRP_CONNTRACK_NEW: conntrack entries created.</summary>
    NFNLGRP_CONNTRACK_NEW = 1,

    /// <summary>NFNLGRP_CONNTRACK_UPDATE: conntrack entries updated.</summary>
    NFNLGRP_CONNTRACK_UPDATE = 2,

    /// <summary>NFNLGRP_CONNTRACK_DESTROY: conntrack entries destroyed.</summary>
    NFNLGRP_CONNTRACK_DESTROY = 3,

    /// <summary>NFNLGRP_CONNTRACK_EXP_NEW: expectations created.</summary>
    NFNLGRP_CONNTRACK_EXP_NEW = 4,

    /// <summary>NFNLGRP_CONNTRACK_EXP_UPDATE: expectations updated.</summary>
    NFNLGRP_CONNTRACK_EXP_UPDATE = 5,

    /// <summary>NFNLGRP_CONNTRACK_EXP_DESTROY: expectations destroyed.</summary>
    NFNLGRP_CONNTRACK_EXP_DESTROY = 6,

    /// <summary>NFNLGRP_NFTABLES: nf_tables ruleset changes.</summary>
    NFNLGRP_NFTABLES = 7,

    /// <summary>NFNLGRP_ACCT_QUOTA: nfacct quota notifications.</summary>
    NFNLGRP_ACCT_QUOTA = 8,

    /// <summary>NFNLGRP_NFTRACE: nf_tables trace events.</summary>
    NFNLGRP_NFTRACE = 9,
}
