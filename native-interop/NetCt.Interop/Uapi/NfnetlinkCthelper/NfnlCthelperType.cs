namespace NetCt.Interop;

/// <summary><c>enum nfnl_cthelper_type</c>: attributes of a user-space helper message (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public enum NfnlCthelperType : ushort
{
    /// <summary>NFCTH_UNSPEC.</summary>
    NFCTH_UNSPEC = 0,

    /// <summary>NFCTH_NAME.</summary>
    NFCTH_NAME = 1,

    /// <summary>NFCTH_TUPLE.</summary>
    NFCTH_TUPLE = 2,

    /// <summary>NFCTH_QUEUE_NUM.</summary>
    NFCTH_QUEUE_NUM = 3,

    /// <summary>NFCTH_POLICY.</summary>
    NFCTH_POLICY = 4,

    /// <summary>NFCTH_PRIV_DATA_LEN.</summary>
    NFCTH_PRIV_DATA_LEN = 5,

    /// <summary>NFCTH_STATUS.</summary>
    NFCTH_STATUS = 6,
}
