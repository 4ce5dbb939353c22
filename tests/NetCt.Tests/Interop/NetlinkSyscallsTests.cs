using NetCt.Interop;

namespace NetCt.Tests.Interop;

/// <summary>The syscall wrappers report failures as negative errno values, never by throwing.</summary>
public sealed class NetlinkSyscallsTests
{
    [Fact]
    public void FailuresReturnNegativeErrno()
    {
        Assert.Equal(-(int)Errno.EPROTONOSUPPORT, NetlinkSyscalls.OpenSocket(99));
        Assert.Equal(-(int)Errno.EBADF, NetlinkSyscalls.GetIntOption(-1, SocketOptions.SOL_SOCKET, SocketOptions.SO_RCVBUF, out _));
        Assert.Equal(-(int)Errno.EBADF, NetlinkSyscalls.SendToKernel(-1, new byte[16]));
        Assert.Equal(-(int)Errno.EBADF, NetlinkSyscalls.Receive(-1, new byte[16], peek: false, dontWait: true, out _));
        Assert.Equal(-(int)Errno.EBADF, FileDescriptors.Close(-1));
    }

    [Fact]
    public void SocketLifecycle()
    {
        int fd = NetlinkSyscalls.OpenSocket(NetlinkProtocols.NETLINK_NETFILTER);
        Assert.True(fd >= 0, $"socket failed: errno {-fd}");
        try
        {
            Assert.Equal(0, NetlinkSyscalls.Bind(fd, 0));
            Assert.Equal(0, NetlinkSyscalls.GetPortId(fd, out uint portId));
            Assert.NotEqual(0u, portId);
            Assert.Equal(0, NetlinkSyscalls.SetIntOption(fd, NetlinkSocketOptions.SOL_NETLINK, NetlinkSocketOptions.NETLINK_EXT_ACK, 1));
            Assert.Equal(0, NetlinkSyscalls.GetIntOption(fd, NetlinkSocketOptions.SOL_NETLINK, NetlinkSocketOptions.NETLINK_EXT_ACK, out int extAck));
            Assert.Equal(1, extAck);
            Assert.Equal(0, NetlinkSyscalls.PollReadable(fd, 0));
            Assert.Equal(-(int)Errno.EAGAIN, NetlinkSyscalls.Receive(fd, [], peek: true, dontWait: true, out _));
        }
        finally
        {
            Assert.Equal(0, FileDescriptors.Close(fd));
        }
    }
}
