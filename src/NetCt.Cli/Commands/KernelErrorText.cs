using System.Runtime.InteropServices;
using NetCt.Cli.Arguments;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary>conntrack's err2str(): the wording of a kernel error for the command that got it, else strerror.</summary>
internal static class KernelErrorText
{
    // conntrack's ENOTSUPP (524) is kernel-internal; it has no libc name.
    private const int KernelNotSupported = 524;

    public static string For(int errno, CommandKind command) => (errno, command) switch
    {
        (KernelNotSupported, CommandKind.List) => "function not implemented",
        // conntrack's table gives EINVAL this text for command bits 0..15 (-L up to -C), not for -S or -A.
        ((int)Errno.EINVAL, _) when command <= CommandKind.Count => "invalid parameters",
        ((int)Errno.EEXIST, CommandKind.Create) => "Such conntrack exists, try -U to update",
        ((int)Errno.ENOENT, CommandKind.Create or CommandKind.Get or CommandKind.Delete or CommandKind.Add) => "such conntrack doesn't exist",
        ((int)Errno.ENOMEM, CommandKind.Create or CommandKind.Get or CommandKind.Add) => "not enough memory",
        ((int)Errno.ENOENT, CommandKind.ExpectCreate) => "master conntrack not found",
        ((int)Errno.EAFNOSUPPORT, CommandKind.Get) => "protocol not supported",
        ((int)Errno.ETIME, CommandKind.Create or CommandKind.Add) => "conntrack has expired",
        ((int)Errno.EPERM, _) => "sorry, you must be root or get CAP_NET_ADMIN capability to do this",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };
}
