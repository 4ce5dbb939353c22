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

    /// <summary>Closes a file descriptor. EINTR is not retried: on Linux the descriptor is released anyway.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <returns>0, or a negative errno.</returns>
    public static int Close(int fd)
    {
        return LibC.close(fd) == 0 ? 0 : -LibC.errno;
    }
}
