namespace NetCt.Interop;

/// <summary>Socket-level options netct uses (<c>sys/socket.h</c>; asm-generic numbering as on x86-64 and arm64).</summary>
public static class SocketOptions
{
    /// <summary>SOL_SOCKET: the socket-option level of the options below.</summary>
    public const int SOL_SOCKET = 1;

    /// <summary>SO_SNDBUF: send buffer size (capped by net.core.wmem_max; the kernel doubles it).</summary>
    public const int SO_SNDBUF = 7;

    /// <summary>SO_RCVBUF: receive buffer size (capped by net.core.rmem_max; the kernel doubles it).</summary>
    public const int SO_RCVBUF = 8;

    /// <summary>SO_SNDBUFFORCE: like SO_SNDBUF without the cap; needs CAP_NET_ADMIN.</summary>
    public const int SO_SNDBUFFORCE = 32;

    /// <summary>SO_RCVBUFFORCE: like SO_RCVBUF without the cap; needs CAP_NET_ADMIN.</summary>
    public const int SO_RCVBUFFORCE = 33;
}
