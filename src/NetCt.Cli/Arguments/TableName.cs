namespace NetCt.Cli.Arguments;

/// <summary>The table named after a command (<c>-L expect</c>); any unique prefix of the name selects it.</summary>
internal enum TableName
{
    /// <summary>The connection tracking table (the default).</summary>
    Conntrack,

    /// <summary>The expectation table.</summary>
    Expect,

    /// <summary>Entries being destroyed (IPCTNL_MSG_CT_GET_DYING); only <c>-L</c>.</summary>
    Dying,

    /// <summary>Entries not yet confirmed (IPCTNL_MSG_CT_GET_UNCONFIRMED); only <c>-L</c>.</summary>
    Unconfirmed,
}
