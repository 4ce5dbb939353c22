using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>
/// Entering another network namespace (setns(2)), over Tmds.LibC. Like <see cref="NetlinkSyscalls"/>,
/// every method returns a negative errno on failure instead of throwing.
/// </summary>
public static unsafe class NamespaceSyscalls
{
    /// <summary>Opens a namespace file (<c>open(path, O_RDONLY | O_CLOEXEC)</c>) for <see cref="EnterNetworkNamespace"/>.</summary>
    /// <param name="path">/run/netns/NAME, /proc/PID/ns/net or another bind mount of a namespace.</param>
    /// <returns>The file descriptor (close it with <see cref="FileDescriptors.Close"/>), or a negative errno.</returns>
    public static int OpenNamespaceFile(string path)
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(path);
        Span<byte> bytes = length < 1024 ? stackalloc byte[length + 1] : new byte[length + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        bytes[length] = 0;
        fixed (byte* pathname = bytes)
        {
            while (true)
            {
                int fd = LibC.open(pathname, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
                if (fd >= 0)
                {
                    return fd;
                }

                int error = LibC.errno;
                if (error != LibC.EINTR)
                {
                    return -error;
                }
            }
        }
    }

    /// <summary>Moves the calling thread into the network namespace <paramref name="namespaceFd"/> refers to (<c>setns(fd, CLONE_NEWNET)</c>).</summary>
    /// <param name="namespaceFd">An open /proc/PID/ns/net or /run/netns/NAME descriptor.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int EnterNetworkNamespace(int namespaceFd)
    {
        return LibC.setns(namespaceFd, LibC.CLONE_NEWNET) == 0 ? 0 : -LibC.errno;
    }
}
