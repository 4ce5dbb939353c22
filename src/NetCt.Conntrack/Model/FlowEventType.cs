namespace NetCt.Conntrack;

/// <summary>What an event message says happened to an entry.</summary>
public enum FlowEventType
{
    /// <summary>IPCTNL_MSG_CT_NEW with NLM_F_CREATE: the entry was created.</summary>
    New,

    /// <summary>IPCTNL_MSG_CT_NEW without NLM_F_CREATE: the entry changed.</summary>
    Update,

    /// <summary>IPCTNL_MSG_CT_DELETE: the entry was destroyed.</summary>
    Destroy,
}
