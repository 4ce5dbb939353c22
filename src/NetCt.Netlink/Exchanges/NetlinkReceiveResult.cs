namespace NetCt.Netlink;

/// <summary>Outcome of <see cref="NetlinkSubscription.Receive"/>.</summary>
public enum NetlinkReceiveResult
{
    /// <summary>A message is available in <see cref="NetlinkSubscription.Current"/>.</summary>
    Message,

    /// <summary>Nothing arrived within the timeout.</summary>
    Timeout,

    /// <summary>The receive queue overflowed (ENOBUFS) and messages were lost; counted in <see cref="NetlinkSubscription.OverrunCount"/>. Reading can continue.</summary>
    Overrun,
}
