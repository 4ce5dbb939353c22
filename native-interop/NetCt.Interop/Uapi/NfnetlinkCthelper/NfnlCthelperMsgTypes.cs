namespace NetCt.Interop;

/// <summary><c>enum nfnl_cthelper_msg_types</c>: user-space helper message types, the low byte of <c>nlmsg_type</c> under NFNL_SUBSYS_CTHELPER (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public enum NfnlCthelperMsgTypes : byte
{
    /// <summary>NFNL_MSG_CTHELPER_NEW.</summary>
    NFNL_MSG_CTHELPER_NEW = 0,

    /// <summary>NFNL_MSG_CTHELPER_GET.</summary>
    NFNL_MSG_CTHELPER_GET = 1,

    /// <summary>NFNL_MSG_CTHELPER_DEL.</summary>
    NFNL_MSG_CTHELPER_DEL = 2,

    /// <summary>NFNL_MSG_CTHELPER_MAX.</summary>
    NFNL_MSG_CTHELPER_MAX = 3,
}
