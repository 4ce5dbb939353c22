namespace NetCt.Interop;

/// <summary>The values of NFCTH_STATUS (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public static class NfctHelperStatus
{
    /// <summary>NFCT_HELPER_STATUS_DISABLED: the helper stops queueing packets to user space.</summary>
    public const uint NFCT_HELPER_STATUS_DISABLED = 0;

    /// <summary>NFCT_HELPER_STATUS_ENABLED.</summary>
    public const uint NFCT_HELPER_STATUS_ENABLED = 1;
}
