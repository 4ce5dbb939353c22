using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// An AF_NETLINK socket. <see cref="Open"/> turns on extended acks, strict checking and capped acks
/// where the kernel supports them, binds, and reads back the port id.
/// </summary>
public sealed class NetlinkSocket : INetlinkSocket
{
    private int _fd;

    private NetlinkSocket(int fd, uint portId)
    {
        _fd = fd;
        PortId = portId;
    }

    /// <summary>Closes the descriptor if <see cref="Dispose"/> was never called.</summary>
    ~NetlinkSocket() => CloseDescriptor();

    /// <inheritdoc/>
    public uint PortId { get; }

    /// <inheritdoc/>
    public int ReceiveBufferSize
    {
        get
        {
            int result = NetlinkSyscalls.GetIntOption(Fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF, out int size);
            ThrowOnError(result, "getsockopt(SO_RCVBUF)");
            return size;
        }
    }

    /// <summary>Opens and binds a netlink socket.</summary>
    /// <param name="protocol">Netlink protocol; NETLINK_NETFILTER for conntrack.</param>
    /// <returns>The socket.</returns>
    /// <exception cref="NetlinkException">A system call failed.</exception>
    public static NetlinkSocket Open(int protocol = NetlinkProtocols.NETLINK_NETFILTER)
    {
        int fd = NetlinkSyscalls.OpenSocket(protocol);
        ThrowOnError(fd, "socket");
        try
        {
            // Each option arrived in a different kernel (4.3, 4.12, 4.20); an older kernel just
            // answers ENOPROTOOPT and works the old way.
            EnableIfSupported(fd, NetlinkSocketOptions.NETLINK_EXT_ACK);
            EnableIfSupported(fd, NetlinkSocketOptions.NETLINK_GET_STRICT_CHK);
            EnableIfSupported(fd, NetlinkSocketOptions.NETLINK_CAP_ACK);
            ThrowOnError(NetlinkSyscalls.Bind(fd, 0), "bind");
            ThrowOnError(NetlinkSyscalls.GetPortId(fd, out uint portId), "getsockname");
            return new NetlinkSocket(fd, portId);
        }
        catch
        {
            FileDescriptors.Close(fd);
            throw;
        }
    }

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        int sent = NetlinkSyscalls.SendToKernel(Fd, datagram);
        ThrowOnError(sent, "sendto");
    }

    /// <inheritdoc/>
    public int Receive(Span<byte> buffer, NetlinkReceiveFlags flags, out uint senderPortId)
    {
        bool dontWait = (flags & NetlinkReceiveFlags.DontWait) != 0;
        int length = NetlinkSyscalls.Receive(Fd, buffer, (flags & NetlinkReceiveFlags.Peek) != 0, dontWait, out senderPortId);
        if (length == -(int)Errno.EAGAIN && dontWait)
        {
            return -1;
        }

        ThrowOnError(length, "recvfrom");
        return length;
    }

    /// <inheritdoc/>
    public bool WaitForReceive(int timeoutMilliseconds)
    {
        int ready = NetlinkSyscalls.PollReadable(Fd, timeoutMilliseconds);
        ThrowOnError(ready, "poll");
        return ready > 0;
    }

    /// <inheritdoc/>
    public void SetReceiveBufferSize(int bytes)
    {
        int result = NetlinkSyscalls.SetIntOption(Fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUFFORCE, bytes);
        if (result == -(int)Errno.EPERM)
        {
            result = NetlinkSyscalls.SetIntOption(Fd, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF, bytes);
        }

        ThrowOnError(result, "setsockopt(SO_RCVBUF)");
    }

    /// <inheritdoc/>
    public void JoinGroup(uint group) =>
        ThrowOnError(
            NetlinkSyscalls.SetIntOption(Fd, NetlinkSocketOptions.SOL_NETLINK, NetlinkSocketOptions.NETLINK_ADD_MEMBERSHIP, (int)group),
            "setsockopt(NETLINK_ADD_MEMBERSHIP)");

    /// <inheritdoc/>
    public void LeaveGroup(uint group) =>
        ThrowOnError(
            NetlinkSyscalls.SetIntOption(Fd, NetlinkSocketOptions.SOL_NETLINK, NetlinkSocketOptions.NETLINK_DROP_MEMBERSHIP, (int)group),
            "setsockopt(NETLINK_DROP_MEMBERSHIP)");

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        CloseDescriptor();
        GC.SuppressFinalize(this);
    }

    private int Fd
    {
        get
        {
            ObjectDisposedException.ThrowIf(_fd < 0, this);
            return _fd;
        }
    }

    private static void EnableIfSupported(int fd, int option)
    {
        int result = NetlinkSyscalls.SetIntOption(fd, NetlinkSocketOptions.SOL_NETLINK, option, 1);
        if (result != -(int)Errno.ENOPROTOOPT)
        {
            ThrowOnError(result, "setsockopt(SOL_NETLINK)");
        }
    }

    private static void ThrowOnError(int result, string operation)
    {
        if (result < 0)
        {
            throw new NetlinkException(-result, operation: operation);
        }
    }

    private void CloseDescriptor()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            FileDescriptors.Close(fd);
        }
    }
}
