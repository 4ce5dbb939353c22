namespace NetCt.Interop;

/// <summary><c>enum ctnl_timeout_msg_types</c>: timeout policy message types, the low byte of <c>nlmsg_type</c> under NFNL_SUBSYS_CTNETLINK_TIMEOUT (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public enum CtnlTimeoutMsgTypes : byte
{
    /// <summary>IPCTNL_MSG_TIMEOUT_NEW.</summary>
    IPCTNL_MSG_TIMEOUT_NEW = 0,

    /// <summary>IPCTNL_MSG_TIMEOUT_GET.</summary>
    IPCTNL_MSG_TIMEOUT_GET = 1,

    /// <summary>IPCTNL_MSG_TIMEOUT_DELETE.</summary>
    IPCTNL_MSG_TIMEOUT_DELETE = 2,

    /// <summary>IPCTNL_MSG_TIMEOUT_DEFAULT_SET.</summary>
    IPCTNL_MSG_TIMEOUT_DEFAULT_SET = 3,

    /// <summary>IPCTNL_MSG_TIMEOUT_DEFAULT_GET.</summary>
    IPCTNL_MSG_TIMEOUT_DEFAULT_GET = 4,

    /// <summary>IPCTNL_MSG_TIMEOUT_MAX.</summary>
    IPCTNL_MSG_TIMEOUT_MAX = 5,
}
