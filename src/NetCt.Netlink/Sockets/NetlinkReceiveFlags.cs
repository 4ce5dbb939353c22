namespace NetCt.Netlink;

/// <summary>How <see cref="INetlinkSocket.Receive"/> reads.</summary>
[Flags]
public enum NetlinkReceiveFlags
{
    /// <summary>Block until a datagram is queued, then dequeue it.</summary>
    None = 0,

    /// <summary>MSG_PEEK: leave the datagram queued (used to learn its length before reading it).</summary>
    Peek = 1,

    /// <summary>MSG_DONTWAIT: return -1 instead of blocking when nothing is queued.</summary>
    DontWait = 2,
}
