namespace NetCt.Interop;

/// <summary>Limits of the timeout policy subsystem (<c>linux/netfilter/nfnetlink_cttimeout.h</c>).</summary>
public static class CttimeoutLimits
{
    /// <summary>CTNL_TIMEOUT_NAME_MAX: the size of a policy name including its terminating NUL.</summary>
    public const int CTNL_TIMEOUT_NAME_MAX = 32;
}
