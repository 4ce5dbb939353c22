namespace NetCt.Conntrack;

/// <summary>Which list of conntrack entries a dump reads.</summary>
public enum ConntrackTable
{
    /// <summary>The confirmed entries: the conntrack table proper (IPCTNL_MSG_CT_GET).</summary>
    Conntrack,

    /// <summary>Entries being destroyed (IPCTNL_MSG_CT_GET_DYING).</summary>
    Dying,

    /// <summary>Entries not yet confirmed (IPCTNL_MSG_CT_GET_UNCONFIRMED; always empty since kernel 6.1, which stopped tracking them in a list).</summary>
    Unconfirmed,
}
