using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>What stdout is, for choosing how <c>-E</c> flushes (<see cref="EventFlushPolicy"/>).</summary>
internal enum StandardOutputKind
{
    /// <summary>It could not be examined.</summary>
    Unknown,

    /// <summary>A terminal.</summary>
    Terminal,

    /// <summary>A pipe or FIFO.</summary>
    Pipe,

    /// <summary>A socket.</summary>
    Socket,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A character device that is not a terminal (such as /dev/null), or a block device.</summary>
    Device,
}

/// <summary>Classifies a descriptor as a <see cref="StandardOutputKind"/>.</summary>
internal static class StandardOutputKinds
{
    public static StandardOutputKind Of(int fd) => FileDescriptors.FileType(fd) switch
    {
        FileTypeBits.S_IFREG => StandardOutputKind.RegularFile,
        FileTypeBits.S_IFIFO => StandardOutputKind.Pipe,
        FileTypeBits.S_IFSOCK => StandardOutputKind.Socket,
        FileTypeBits.S_IFCHR => FileDescriptors.IsTerminal(fd) ? StandardOutputKind.Terminal : StandardOutputKind.Device,
        FileTypeBits.S_IFBLK => StandardOutputKind.Device,
        _ => StandardOutputKind.Unknown,
    };
}
