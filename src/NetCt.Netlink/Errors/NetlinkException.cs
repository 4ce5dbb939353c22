namespace NetCt.Netlink;

/// <summary>
/// The kernel refused a request (an NLMSG_ERROR or NLMSG_DONE carrying a negative errno), or a socket
/// system call failed. Carries the positive errno, its name, and the kernel's extended-ack text when
/// it sent one.
/// </summary>
public sealed class NetlinkException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">Positive errno.</param>
    /// <param name="extendedAckMessage">NLMSGERR_ATTR_MSG text, if any.</param>
    /// <param name="operation">The system call or exchange that failed ("recvfrom", "dump"), if not a plain request.</param>
    /// <param name="errorOffset">NLMSGERR_ATTR_OFFS: offset of the offending attribute in the request, if the kernel sent it.</param>
    public NetlinkException(int errno, string? extendedAckMessage = null, string? operation = null, uint? errorOffset = null)
        : base(Describe(errno, extendedAckMessage, operation))
    {
        Errno = errno;
        ExtendedAckMessage = extendedAckMessage;
        Operation = operation;
        ErrorOffset = errorOffset;
    }

    /// <summary>Positive errno (ENOENT is 2).</summary>
    public int Errno { get; }

    /// <summary>The errno's C name, such as "ENOENT".</summary>
    public string ErrnoName => ErrnoNames.Get(Errno);

    /// <summary>The kernel's extended-ack message (NLMSGERR_ATTR_MSG), or null.</summary>
    public string? ExtendedAckMessage { get; }

    /// <summary>The system call or exchange that failed, or null for a refused request.</summary>
    public string? Operation { get; }

    /// <summary>NLMSGERR_ATTR_OFFS: byte offset of the attribute the kernel rejected, from the request's nlmsghdr, or null.</summary>
    public uint? ErrorOffset { get; }

    private static string Describe(int errno, string? extendedAckMessage, string? operation)
    {
        string prefix = operation is null ? "netlink request failed" : $"netlink {operation}";
        string text = $"{prefix}: {ErrnoNames.Get(errno)} ({errno})";
        return extendedAckMessage is null ? text : $"{text}: {extendedAckMessage}";
    }
}
