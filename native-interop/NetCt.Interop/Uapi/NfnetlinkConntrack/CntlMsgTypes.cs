namespace NetCt.Interop;

/// <summary>
/// <c>enum cntl_msg_types</c>: ctnetlink message types, the low byte of <c>nlmsg_type</c> under
/// NFNL_SUBSYS_CTNETLINK (<c>linux/netfilter/nfnetlink_conntrack.h</c>).
/// </summary>
public enum CntlMsgTypes : byte
{
    /// <summary>IPCTNL_MSG_CT_NEW: create or update an entry; also the NEW/UPDATE event.</summary>
    IPCTNL_MSG_CT_NEW = 0,

    /// <summary>IPCTNL_MSG_CT_GET: get one entry, or dump the table with NLM_F_DUMP.</summary>
    IPCTNL_MSG_CT_GET = 1,

    /// <summary>IPCTNL_MSG_CT_DELETE: delete an entry, or flush without a tuple; also the DESTROY event.</summary>
    IPCTNL_MSG_CT_DELETE = 2,

    /// <summary>IPCTNL_MSG_CT_GET_CTRZERO: like GET, and zero the counters.</summary>
    IPCTNL_MSG_CT_GET_CTRZERO = 3,

    /// <summary>IPCTNL_MSG_CT_GET_STATS_CPU: per-CPU statistics (dump).</summary>
    IPCTNL_MSG_CT_GET_STATS_CPU = 4,

    /// <summary>IPCTNL_MSG_CT_GET_STATS: global statistics (entry count, maximum).</summary>
    IPCTNL_MSG_CT_GET_STATS = 5,

    /// <summary>IPCTNL_MSG_CT_GET_DYING: dump the dying list.</summary>
    IPCTNL_MSG_CT_GET_DYING = 6,

    /// <summary>IPCTNL_MSG_CT_GET_UNCONFIRMED: dump the unconfirmed list.</summary>
    IPCTNL_MSG_CT_GET_UNCONFIRMED = 7,
}
