namespace NetCt.Interop;

/// <summary>
/// <c>enum ctnl_exp_msg_types</c>: expectation message types, the low byte of <c>nlmsg_type</c>
/// under NFNL_SUBSYS_CTNETLINK_EXP (<c>linux/netfilter/nfnetlink_conntrack.h</c>).
/// </summary>
public enum CtnlExpMsgTypes : byte
{
    /// <summary>IPCTNL_MSG_EXP_NEW: create an expectation; also the NEW event.</summary>
    IPCTNL_MSG_EXP_NEW = 0,

    /// <summary>IPCTNL_MSG_EXP_GET: get one expectation, or dump with NLM_F_DUMP.</summary>
    IPCTNL_MSG_EXP_GET = 1,

    /// <summary>IPCTNL_MSG_EXP_DELETE: delete an expectation or flush; also the DESTROY event.</summary>
    IPCTNL_MSG_EXP_DELETE = 2,

    /// <summary>IPCTNL_MSG_EXP_GET_STATS_CPU: per-CPU expectation statistics (dump).</summary>
    IPCTNL_MSG_EXP_GET_STATS_CPU = 3,
}
