using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>What an open file descriptor refers to, writing to it, and closing it.</summary>
public static unsafe class FileDescriptors
{
    /// <summary>The file type bits of <paramref name="fd"/> (<c>statx(fd, "", AT_EMPTY_PATH)</c>'s mode masked with <see cref="FileTypeBits.S_IFMT"/>).</summary>
    /// <param name="fd">An open descriptor.</param>
    /// <returns>One of the <see cref="FileTypeBits"/> values, or 0 if the descriptor cannot be examined.</returns>
    public static uint FileType(int fd)
    {
        statx status;
        byte emptyPath = 0;
        return LibC.statx(fd, &emptyPath, LibC.AT_EMPTY_PATH, LibC.STATX_TYPE, &status) == 0
            ? (uint)(ushort)status.stx_mode & FileTypeBits.S_IFMT
            : 0;
    }

    /// <summary>
    /// The inode number of <paramref name="fd"/> (<c>statx(fd, "", AT_EMPTY_PATH)</c>): for a namespace file,
    /// the namespace's identity, the same number whatever path or process leads to it.
    /// </summary>
    /// <param name="fd">An open descriptor.</param>
    /// <returns>The inode, or null if the descriptor cannot be examined.</returns>
    public static ulong? Inode(int fd)
    {
        statx status;
        byte emptyPath = 0;
        return LibC.statx(fd, &emptyPath, LibC.AT_EMPTY_PATH, LibC.STATX_INO, &status) == 0 ? (ulong)status.stx_ino : null;
    }

    /// <summary>Whether <paramref name="fd"/> is a terminal (<c>isatty</c>).</summary>
    /// <param name="fd">An open descriptor.</param>
    /// <returns>True for a terminal.</returns>
    public static bool IsTerminal(int fd) => LibC.isatty(fd) == 1;

    /// <summary>
    /// <c>write(fd, bytes)</c>, retried on EINTR. It writes at the descriptor's file offset and moves
    /// it, which an offset-tracking <c>pwrite</c> would not: other writers sharing the open file
    /// (<c>(netct -C; echo done) &gt; file</c>) must see the offset move.
    /// </summary>
    /// <param name="fd">An open descriptor.</param>
    /// <param name="bytes">What to write; possibly only a part is written.</param>
    /// <returns>The number of bytes written, or a negative errno.</returns>
    public static int Write(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* data = bytes)
        {
            while (true)
            {
                long written = LibC.write(fd, data, bytes.Length);
                if (written >= 0)
                {
                    return (int)written;
                }

                int errno = LibC.errno;
                if (errno != LibC.EINTR)
                {
                    return -errno;
                }
            }
        }
    }

    /// <summary>
    /// Takes the numbers of standard output and standard error if the process started with them
    /// closed (<c>netct -L &gt;&amp;-</c>). open(2) hands out the lowest free number, so the first
    /// netlink socket would become descriptor 1 and the listing would be written into it, and
    /// reported as shown. /dev/null opened read-only takes each closed one instead: a write to it
    /// fails with EBADF, as on the closed descriptor, and nothing opened later can take its number.
    /// One poll(2) when both are open.
    /// </summary>
    /// <returns>0, or a negative errno.</returns>
    public static int HoldClosedOutputs()
    {
        pollfd* outputs = stackalloc pollfd[2];
        outputs[0] = new pollfd { fd = 1 };
        outputs[1] = new pollfd { fd = 2 };
        if (LibC.poll(outputs, 2, 0) < 0)
        {
            return -LibC.errno;
        }

        for (int i = 0; i < 2; i++)
        {
            if ((outputs[i].revents & LibC.POLLNVAL) != 0 && HoldWithDevNull(outputs[i].fd) is < 0 and int error)
            {
                return error;
            }
        }

        return 0;
    }

    /// <summary>Closes a file descriptor. EINTR is not retried: on Linux the descriptor is released anyway.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int Close(int fd)
    {
        return LibC.close(fd) == 0 ? 0 : -LibC.errno;
    }

    // Opens /dev/null read-only as descriptor `target`: open gives the lowest free number, which is
    // `target` unless a lower one (stdin) is closed too; then it is moved there.
    private static int HoldWithDevNull(int target)
    {
        ReadOnlySpan<byte> devNull = "/dev/null\0"u8;
        int fd;
        fixed (byte* path = devNull)
        {
            fd = LibC.open(path, LibC.O_RDONLY, 0);
        }

        if (fd < 0 || fd == target)
        {
            return fd < 0 ? -LibC.errno : 0;
        }

        int moved = LibC.dup2(fd, target) < 0 ? -LibC.errno : 0;
        LibC.close(fd);
        return moved;
    }
}
