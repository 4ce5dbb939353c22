namespace NetCt.Interop;

/// <summary><c>enum nfnl_cthelper_policy_type</c>: the members of NFCTH_POLICY: the number of expectation policies and each policy (nested) (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public enum NfnlCthelperPolicyType : ushort
{
    /// <summary>NFCTH_POLICY_SET_UNSPEC.</summary>
    NFCTH_POLICY_SET_UNSPEC = 0,

    /// <summary>NFCTH_POLICY_SET_NUM.</summary>
    NFCTH_POLICY_SET_NUM = 1,

    /// <summary>NFCTH_POLICY_SET.</summary>
    NFCTH_POLICY_SET = 2,

    /// <summary>NFCTH_POLICY_SET1: the same as NFCTH_POLICY_SET.</summary>
    NFCTH_POLICY_SET1 = NFCTH_POLICY_SET,

    /// <summary>NFCTH_POLICY_SET2.</summary>
    NFCTH_POLICY_SET2 = 3,

    /// <summary>NFCTH_POLICY_SET3.</summary>
    NFCTH_POLICY_SET3 = 4,

    /// <summary>NFCTH_POLICY_SET4.</summary>
    NFCTH_POLICY_SET4 = 5,
}
