namespace NetCt.Interop;

/// <summary>
/// nfnetlink subsystem ids from <c>linux/netfilter/nfnetlink.h</c>: the high byte of <c>nlmsg_type</c>
/// (<c>type = subsys &lt;&lt; 8 | msg</c>).
/// </summary>
public static class NfnetlinkSubsystems
{
    /// <summary>NFNL_SUBSYS_NONE.</summary>
    public const byte NFNL_SUBSYS_NONE = 0;

    /// <summary>NFNL_SUBSYS_CTNETLINK: the conntrack table (messages in <see cref="CntlMsgTypes"/>).</summary>
    public const byte NFNL_SUBSYS_CTNETLINK = 1;

    /// <summary>NFNL_SUBSYS_CTNETLINK_EXP: the expectation table (messages in <see cref="CtnlExpMsgTypes"/>).</summary>
    public const byte NFNL_SUBSYS_CTNETLINK_EXP = 2;

    /// <summary>NFNL_SUBSYS_QUEUE: nfnetlink_queue.</summary>
    public const byte NFNL_SUBSYS_QUEUE = 3;

    /// <summary>NFNL_SUBSYS_ULOG: nfnetlink_log.</summary>
    public const byte NFNL_SUBSYS_ULOG = 4;

    /// <summary>NFNL_SUBSYS_OSF: passive OS fingerprinting.</summary>
    public const byte NFNL_SUBSYS_OSF = 5;

    /// <summary>NFNL_SUBSYS_IPSET: ipset.</summary>
    public const byte NFNL_SUBSYS_IPSET = 6;

    /// <summary>NFNL_SUBSYS_ACCT: nfacct.</summary>
    public const byte NFNL_SUBSYS_ACCT = 7;

    /// <summary>NFNL_SUBSYS_CTNETLINK_TIMEOUT: conntrack timeout policies.</summary>
    public const byte NFNL_SUBSYS_CTNETLINK_TIMEOUT = 8;

    /// <summary>NFNL_SUBSYS_CTHELPER: userspace conntrack helpers.</summary>
    public const byte NFNL_SUBSYS_CTHELPER = 9;

    /// <summary>NFNL_SUBSYS_NFTABLES: nf_tables.</summary>
    public const byte NFNL_SUBSYS_NFTABLES = 10;

    /// <summary>NFNL_SUBSYS_NFT_COMPAT: nf_tables xtables compatibility.</summary>
    public const byte NFNL_SUBSYS_NFT_COMPAT = 11;

    /// <summary>NFNL_SUBSYS_HOOK: netfilter hook introspection.</summary>
    public const byte NFNL_SUBSYS_HOOK = 12;

    /// <summary>NFNL_SUBSYS_COUNT: number of subsystem ids.</summary>
    public const byte NFNL_SUBSYS_COUNT = 13;
}
