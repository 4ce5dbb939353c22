namespace NetCt.Interop;

/// <summary>
/// The errno values netct meets on netlink sockets and in ctnetlink acknowledgements
/// (<c>errno.h</c>, Linux generic numbering as on x86-64 and arm64). Positive, as in C.
/// </summary>
public enum Errno
{
    /// <summary>EPERM: operation not permitted (no CAP_NET_ADMIN).</summary>
    EPERM = 1,

    /// <summary>ENOENT: no such entry.</summary>
    ENOENT = 2,

    /// <summary>ESRCH: no such process.</summary>
    ESRCH = 3,

    /// <summary>EINTR: interrupted system call; retried.</summary>
    EINTR = 4,

    /// <summary>EIO: I/O error.</summary>
    EIO = 5,

    /// <summary>ENXIO: no such device or address.</summary>
    ENXIO = 6,

    /// <summary>E2BIG: argument list too long.</summary>
    E2BIG = 7,

    /// <summary>EBADF: bad file descriptor.</summary>
    EBADF = 9,

    /// <summary>EAGAIN: try again (nothing to read on a non-blocking receive).</summary>
    EAGAIN = 11,

    /// <summary>ENOMEM: out of memory.</summary>
    ENOMEM = 12,

    /// <summary>EACCES: permission denied.</summary>
    EACCES = 13,

    /// <summary>EFAULT: bad address.</summary>
    EFAULT = 14,

    /// <summary>EBUSY: busy (for example a dump already running on the socket).</summary>
    EBUSY = 16,

    /// <summary>EEXIST: the entry exists.</summary>
    EEXIST = 17,

    /// <summary>ENODEV: no such device.</summary>
    ENODEV = 19,

    /// <summary>EINVAL: invalid argument.</summary>
    EINVAL = 22,

    /// <summary>ENFILE: file table overflow.</summary>
    ENFILE = 23,

    /// <summary>EMFILE: too many open files.</summary>
    EMFILE = 24,

    /// <summary>ENOSPC: no space left (for example the conntrack table is full).</summary>
    ENOSPC = 28,

    /// <summary>ERANGE: result out of range.</summary>
    ERANGE = 34,

    /// <summary>ENOSYS: function not implemented.</summary>
    ENOSYS = 38,

    /// <summary>ETIME: timer expired; ctnetlink's answer to creating an entry with an expired master.</summary>
    ETIME = 62,

    /// <summary>EMSGSIZE: message too long for the socket buffer.</summary>
    EMSGSIZE = 90,

    /// <summary>ENOPROTOOPT: socket option not supported (older kernels).</summary>
    ENOPROTOOPT = 92,

    /// <summary>EPROTONOSUPPORT: protocol not supported.</summary>
    EPROTONOSUPPORT = 93,

    /// <summary>EOPNOTSUPP: operation not supported.</summary>
    EOPNOTSUPP = 95,

    /// <summary>EAFNOSUPPORT: address family not supported.</summary>
    EAFNOSUPPORT = 97,

    /// <summary>ENOBUFS: no buffer space; on a netlink socket, messages were dropped because the receive queue overflowed.</summary>
    ENOBUFS = 105,

    /// <summary>ETIMEDOUT: timed out.</summary>
    ETIMEDOUT = 110,

    /// <summary>ECONNREFUSED: connection refused (no netlink socket at the destination port id).</summary>
    ECONNREFUSED = 111,
}
