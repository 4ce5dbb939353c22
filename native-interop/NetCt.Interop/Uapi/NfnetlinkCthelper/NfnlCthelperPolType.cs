namespace NetCt.Interop;

/// <summary><c>enum nfnl_cthelper_pol_type</c>: the members of one expectation policy (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public enum NfnlCthelperPolType : ushort
{
    /// <summary>NFCTH_POLICY_UNSPEC.</summary>
    NFCTH_POLICY_UNSPEC = 0,

    /// <summary>NFCTH_POLICY_NAME.</summary>
    NFCTH_POLICY_NAME = 1,

    /// <summary>NFCTH_POLICY_EXPECT_MAX.</summary>
    NFCTH_POLICY_EXPECT_MAX = 2,

    /// <summary>NFCTH_POLICY_EXPECT_TIMEOUT.</summary>
    NFCTH_POLICY_EXPECT_TIMEOUT = 3,
}
