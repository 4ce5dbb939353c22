using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>
/// Opens netlink sockets in a given network namespace from any thread. A socket belongs to the
/// namespace of the thread that creates it, and setns(2) moves only the calling thread, so each
/// socket is created on a short-lived thread that enters the namespace first; the caller's thread
/// never moves. Clients open sockets rarely (once, and again after a failure), so the thread is cheap.
/// </summary>
internal sealed class NamespaceSockets : IDisposable
{
    // The namespace stays reachable through this descriptor even after its /run/netns file or its
    // last process is gone.
    private readonly int _namespaceFd;

    private NamespaceSockets(int namespaceFd) => _namespaceFd = namespaceFd;

    /// <summary>The namespace the calling thread is in now (/proc/thread-self/ns/net), or null with the errno text.</summary>
    public static NamespaceSockets? OfCurrentThread(out string? problem)
    {
        int fd = NamespaceSyscalls.OpenNamespaceFile("/proc/thread-self/ns/net");
        problem = fd < 0 ? Marshal.GetPInvokeErrorMessage(-fd) : null;
        return fd < 0 ? null : new NamespaceSockets(fd);
    }

    /// <summary>Moves the calling thread into the namespace (a live table feed's thread, before it opens its sockets).</summary>
    /// <exception cref="IOException">The kernel refused.</exception>
    public void EnterOnCurrentThread()
    {
        int entered = NamespaceSyscalls.EnterNetworkNamespace(_namespaceFd);
        if (entered != 0)
            throw new IOException("can't enter the network namespace: " + Marshal.GetPInvokeErrorMessage(-entered));
    }

    public INetlinkSocket Open()
    {
        INetlinkSocket? socket = null;
        ExceptionDispatchInfo? failure = null;
        var opener = new Thread(() =>
        {
            try
            {
                EnterOnCurrentThread();
                socket = NetlinkSocket.Open();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        { IsBackground = true, Name = "netns socket" };
        opener.Start();
        opener.Join();
        failure?.Throw();
        return socket!;
    }

    public void Dispose() => FileDescriptors.Close(_namespaceFd);
}
