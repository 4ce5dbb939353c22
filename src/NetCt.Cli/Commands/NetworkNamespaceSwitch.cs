using System.Runtime.InteropServices;
using NetCt.Cli.Arguments;
using NetCt.Interop;

namespace NetCt.Cli.Commands;

/// <summary>
/// <c>--netns</c>: moves netct into another network namespace with setns(2), as <c>ip netns exec</c>
/// does, before any netlink socket is opened. setns moves only the calling thread; every socket of a
/// command is opened on the main thread, which runs the command, so all of them are in the namespace.
/// Unlike <c>ip netns exec</c>, nothing is bind-mounted over /etc from /etc/netns/NAME.
/// </summary>
internal static class NetworkNamespaceSwitch
{
    /// <summary>Enters the namespace; returns null, or the exit code after printing why it could not.</summary>
    /// <remarks>
    /// A name or path that does not lead to a network namespace is a parameter problem (exit 2, with
    /// conntrack's "Try" line); a namespace the kernel does not let netct open or enter is exit 1.
    /// </remarks>
    public static int? Enter(string nameOrPath, TextWriter errors)
    {
        string path = NetnsOption.PathOf(nameOrPath);
        int fd = NamespaceSyscalls.OpenNamespaceFile(path);
        if (fd < 0)
        {
            return -fd == (int)Errno.ENOENT
                ? ParameterProblem(errors, $"network namespace `{nameOrPath}' does not exist ({path})")
                : KernelRefusal(errors, $"can't open network namespace `{nameOrPath}' ({path}): {Marshal.GetPInvokeErrorMessage(-fd)}");
        }

        int result = NamespaceSyscalls.EnterNetworkNamespace(fd);
        FileDescriptors.Close(fd);
        return result switch
        {
            0 => null,
            -(int)Errno.EINVAL => ParameterProblem(errors, $"`{path}' is not a network namespace"),
            -(int)Errno.EPERM => KernelRefusal(errors, $"can't enter network namespace `{nameOrPath}': {Marshal.GetPInvokeErrorMessage(-result)} (setns needs CAP_SYS_ADMIN)"),
            _ => KernelRefusal(errors, $"can't enter network namespace `{nameOrPath}': {Marshal.GetPInvokeErrorMessage(-result)}"),
        };
    }

    private static int ParameterProblem(TextWriter errors, string message)
    {
        errors.Write(new ParameterError(message).StderrText);
        errors.Flush();
        return ExitCodes.ParameterProblem;
    }

    private static int KernelRefusal(TextWriter errors, string message)
    {
        Messages.Write(errors, message);
        return ExitCodes.OtherProblem;
    }
}
