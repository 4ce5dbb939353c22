namespace NetCt.Netlink;

/// <summary>Totals of a pipelined batch.</summary>
public readonly struct NetlinkBatchResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="succeeded">Requests acknowledged with errno 0.</param>
    /// <param name="failed">Requests acknowledged with an errno.</param>
    public NetlinkBatchResult(int succeeded, int failed)
    {
        Succeeded = succeeded;
        Failed = failed;
    }

    /// <summary>Requests acknowledged with errno 0.</summary>
    public int Succeeded { get; }

    /// <summary>Requests acknowledged with an errno.</summary>
    public int Failed { get; }
}
