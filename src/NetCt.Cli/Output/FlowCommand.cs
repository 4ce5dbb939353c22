namespace NetCt.Cli.Output;

/// <summary>
/// The conntrack commands that print entries. Each one formats a little differently in 1.4.8,
/// because each has its own callback in conntrack.c (see <see cref="FlowPrinter"/>).
/// </summary>
internal enum FlowCommand
{
    /// <summary>-L (mnl_nfct_dump_cb, then &lt;/conntrack&gt; after the dump).</summary>
    List,

    /// <summary>-L dying / -L unconfirmed: the -L callback, but the command returns before the XML footer.</summary>
    ListDyingOrUnconfirmed,

    /// <summary>-G (mnl_nfct_dump_cb; no XML footer).</summary>
    Get,

    /// <summary>-U: each updated entry as read back (mnl_nfct_print_cb).</summary>
    Update,

    /// <summary>-D: each deleted entry (mnl_nfct_delete_cb).</summary>
    Delete,
}
