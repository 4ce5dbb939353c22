using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>
/// The netlink socket system calls, over Tmds.LibC. Every method returns a negative errno on failure
/// (the kernel's own convention) instead of throwing, so the layer above decides what an error means;
/// EINTR is retried here so no caller has to.
/// </summary>
public static unsafe class NetlinkSyscalls
{
    /// <summary>Opens <c>socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol)</c>.</summary>
    /// <param name="protocol">A netlink protocol such as <see cref="NetlinkProtocols.NETLINK_NETFILTER"/>.</param>
    /// <returns>The file descriptor, or a negative errno.</returns>
    public static int OpenSocket(int protocol)
    {
        int fd = LibC.socket(AddressFamilies.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        return fd >= 0 ? fd : -LibC.errno;
    }

    /// <summary>Binds with port id 0, so the kernel assigns a unique one (read it with <see cref="GetPortId"/>).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="groups">Legacy multicast group bitmap; 0 to join groups later with NETLINK_ADD_MEMBERSHIP.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int Bind(int fd, uint groups)
    {
        var address = new SockaddrNl { Family = AddressFamilies.AF_NETLINK, Groups = groups };
        return LibC.bind(fd, (sockaddr*)&address, (uint)sizeof(SockaddrNl)) == 0 ? 0 : -LibC.errno;
    }

    /// <summary>Reads the port id the kernel assigned to the socket (<c>getsockname</c>).</summary>
    /// <param name="fd">The bound socket.</param>
    /// <param name="portId">The port id (nl_pid).</param>
    /// <returns>0, or a negative errno.</returns>
    public static int GetPortId(int fd, out uint portId)
    {
        SockaddrNl address = default;
        socklen_t length = (uint)sizeof(SockaddrNl);
        if (LibC.getsockname(fd, (sockaddr*)&address, &length) != 0)
        {
            portId = 0;
            return -LibC.errno;
        }

        portId = address.PortId;
        return 0;
    }

    /// <summary>Sets an int-valued socket option.</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="level">For example <see cref="SocketOptions.SOL_SOCKET"/> or <see cref="NetlinkSocketOptions.SOL_NETLINK"/>.</param>
    /// <param name="option">The option name at that level.</param>
    /// <param name="value">The value.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int SetIntOption(int fd, int level, int option, int value)
    {
        return LibC.setsockopt(fd, level, option, &value, sizeof(int)) == 0 ? 0 : -LibC.errno;
    }

    /// <summary>Reads an int-valued socket option.</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="level">The option level.</param>
    /// <param name="option">The option name at that level.</param>
    /// <param name="value">The value read.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int GetIntOption(int fd, int level, int option, out int value)
    {
        int result = 0;
        socklen_t length = sizeof(int);
        if (LibC.getsockopt(fd, level, option, &result, &length) != 0)
        {
            value = 0;
            return -LibC.errno;
        }

        value = result;
        return 0;
    }

    /// <summary>Sends one datagram to the kernel (destination port id 0).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="datagram">One or more netlink messages back to back.</param>
    /// <returns>The number of bytes sent, or a negative errno.</returns>
    public static int SendToKernel(int fd, ReadOnlySpan<byte> datagram)
    {
        var kernel = new SockaddrNl { Family = AddressFamilies.AF_NETLINK };
        fixed (byte* data = datagram)
        {
            while (true)
            {
                long sent = LibC.sendto(fd, data, datagram.Length, 0, (sockaddr*)&kernel, (uint)sizeof(SockaddrNl));
                if (sent >= 0)
                {
                    return (int)sent;
                }

                int error = LibC.errno;
                if (error != LibC.EINTR)
                {
                    return -error;
                }
            }
        }
    }

    /// <summary>
    /// Receives one datagram with MSG_TRUNC, so the result is the datagram's full length even when it
    /// did not fit; a result larger than <paramref name="buffer"/> means it was truncated.
    /// </summary>
    /// <param name="fd">The socket.</param>
    /// <param name="buffer">Where the datagram is copied; may be empty to learn only the length when peeking.</param>
    /// <param name="peek">MSG_PEEK: leave the datagram queued.</param>
    /// <param name="dontWait">MSG_DONTWAIT: return -EAGAIN instead of blocking when nothing is queued.</param>
    /// <param name="senderPortId">nl_pid of the sender's address: 0 for the kernel.</param>
    /// <returns>The full datagram length, or a negative errno (-ENOBUFS after a receive-queue overrun).</returns>
    public static int Receive(int fd, Span<byte> buffer, bool peek, bool dontWait, out uint senderPortId)
    {
        int flags = LibC.MSG_TRUNC | (peek ? LibC.MSG_PEEK : 0) | (dontWait ? LibC.MSG_DONTWAIT : 0);
        SockaddrNl source = default;
        fixed (byte* data = buffer)
        {
            while (true)
            {
                socklen_t length = (uint)sizeof(SockaddrNl);
                long received = LibC.recvfrom(fd, data, buffer.Length, flags, (sockaddr*)&source, &length);
                if (received >= 0)
                {
                    senderPortId = source.PortId;
                    return (int)Math.Min(received, int.MaxValue);
                }

                int error = LibC.errno;
                if (error != LibC.EINTR)
                {
                    senderPortId = 0;
                    return -error;
                }
            }
        }
    }

    /// <summary>Waits until the socket is readable (or has a pending error such as ENOBUFS).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="timeoutMilliseconds">Maximum wait; 0 checks without waiting, -1 waits forever.</param>
    /// <returns>1 when readable, 0 on timeout, or a negative errno.</returns>
    public static int PollReadable(int fd, int timeoutMilliseconds)
    {
        long deadline = timeoutMilliseconds > 0 ? Environment.TickCount64 + timeoutMilliseconds : 0;
        var descriptor = new pollfd { fd = fd, events = LibC.POLLIN };
        while (true)
        {
            int ready = LibC.poll(&descriptor, 1, timeoutMilliseconds);
            if (ready >= 0)
            {
                return ready > 0 ? 1 : 0;
            }

            // A signal interrupts poll with EINTR, but .NET's native signal handler (which writes
            // to a non-blocking pipe) can leave EAGAIN in errno instead; poll's own EAGAIN means
            // "try again" too.
            int error = LibC.errno;
            if (error != LibC.EINTR && error != LibC.EAGAIN)
            {
                return -error;
            }

            if (timeoutMilliseconds > 0)
            {
                timeoutMilliseconds = (int)Math.Max(0, deadline - Environment.TickCount64);
            }
        }
    }
}
