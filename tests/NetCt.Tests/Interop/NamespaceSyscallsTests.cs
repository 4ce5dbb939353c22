using NetCt.Interop;

namespace NetCt.Tests.Interop;

/// <summary>The setns(2) wrappers report failures as negative errno values, never by throwing.</summary>
public sealed class NamespaceSyscallsTests
{
    [Fact]
    public void EnteringTheCurrentNetworkNamespaceIsANoOpOrRefused()
    {
        using Microsoft.Win32.SafeHandles.SafeFileHandle own = File.OpenHandle("/proc/thread-self/ns/net");

        int result = NamespaceSyscalls.EnterNetworkNamespace((int)own.DangerousGetHandle());

        Assert.Contains(result, new[] { 0, -(int)Errno.EPERM });
    }

    [Fact]
    public void AMissingNamespaceFileIsEnoent()
    {
        Assert.Equal(-(int)Errno.ENOENT, NamespaceSyscalls.OpenNamespaceFile("/run/netns/netct-test-does-not-exist"));
    }
}
