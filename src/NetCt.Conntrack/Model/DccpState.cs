namespace NetCt.Conntrack;

/// <summary>DCCP conntrack states (enum ct_dccp_states, in header order).</summary>
public enum DccpState : byte
{
    /// <summary>CT_DCCP_NONE.</summary>
    None = 0,
    /// <summary>CT_DCCP_REQUEST.</summary>
    Request = 1,
    /// <summary>CT_DCCP_RESPOND.</summary>
    Respond = 2,
    /// <summary>CT_DCCP_PARTOPEN.</summary>
    PartOpen = 3,
    /// <summary>CT_DCCP_OPEN.</summary>
    Open = 4,
    /// <summary>CT_DCCP_CLOSEREQ.</summary>
    CloseReq = 5,
    /// <summary>CT_DCCP_CLOSING.</summary>
    Closing = 6,
    /// <summary>CT_DCCP_TIMEWAIT.</summary>
    TimeWait = 7,
    /// <summary>CT_DCCP_IGNORE.</summary>
    Ignore = 8,
    /// <summary>CT_DCCP_INVALID.</summary>
    Invalid = 9,
}

/// <summary>The role of the original direction's sender in a DCCP connection (enum ct_dccp_roles).</summary>
public enum DccpRole : byte
{
    /// <summary>CT_DCCP_ROLE_CLIENT.</summary>
    Client = 0,
    /// <summary>CT_DCCP_ROLE_SERVER.</summary>
    Server = 1,
}
