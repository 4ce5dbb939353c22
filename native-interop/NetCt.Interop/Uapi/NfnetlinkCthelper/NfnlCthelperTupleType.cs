namespace NetCt.Interop;

/// <summary><c>enum nfnl_cthelper_tuple_type</c>: the members of NFCTH_TUPLE (<c>linux/netfilter/nfnetlink_cthelper.h</c>).</summary>
public enum NfnlCthelperTupleType : ushort
{
    /// <summary>NFCTH_TUPLE_UNSPEC.</summary>
    NFCTH_TUPLE_UNSPEC = 0,

    /// <summary>NFCTH_TUPLE_L3PROTONUM.</summary>
    NFCTH_TUPLE_L3PROTONUM = 1,

    /// <summary>NFCTH_TUPLE_L4PROTONUM.</summary>
    NFCTH_TUPLE_L4PROTONUM = 2,
}
