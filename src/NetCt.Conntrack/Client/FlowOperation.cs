namespace NetCt.Conntrack;

/// <summary>What a request of a <see cref="ConntrackClient.Pipeline"/> does with its entry.</summary>
public enum FlowOperation
{
    /// <summary>Create the entry; the kernel refuses with EEXIST if it exists (IPCTNL_MSG_CT_NEW, NLM_F_CREATE | NLM_F_EXCL).</summary>
    Create,

    /// <summary>Create the entry, or update it if it exists (IPCTNL_MSG_CT_NEW, NLM_F_CREATE).</summary>
    Add,

    /// <summary>Update an existing entry; ENOENT if there is none (IPCTNL_MSG_CT_NEW without NLM_F_CREATE).</summary>
    Update,

    /// <summary>Delete the entry with the flow's tuple and zone, and its id when set (IPCTNL_MSG_CT_DELETE).</summary>
    Delete,

    /// <summary>Read the entry with the flow's tuple and zone (IPCTNL_MSG_CT_GET); the answer carries it.</summary>
    Get,
}
