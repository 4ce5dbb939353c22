namespace NetCt.Interop;

/// <summary>The file type bits of <c>st_mode</c> (<c>linux/stat.h</c>).</summary>
public static class FileTypeBits
{
    /// <summary>S_IFMT: the mask of the type bits.</summary>
    public const uint S_IFMT = 0xF000;

    /// <summary>S_IFSOCK: socket.</summary>
    public const uint S_IFSOCK = 0xC000;

    /// <summary>S_IFREG: regular file.</summary>
    public const uint S_IFREG = 0x8000;

    /// <summary>S_IFBLK: block device.</summary>
    public const uint S_IFBLK = 0x6000;

    /// <summary>S_IFCHR: character device.</summary>
    public const uint S_IFCHR = 0x2000;

    /// <summary>S_IFIFO: pipe or FIFO.</summary>
    public const uint S_IFIFO = 0x1000;
}
