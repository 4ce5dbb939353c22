using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>What an open file descriptor refers to.</summary>
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

    /// <summary>Whether <paramref name="fd"/> is a terminal (<c>isatty</c>).</summary>
    /// <param name="fd">An open descriptor.</param>
    /// <returns>True for a terminal.</returns>
    public static bool IsTerminal(int fd) => LibC.isatty(fd) == 1;
}
