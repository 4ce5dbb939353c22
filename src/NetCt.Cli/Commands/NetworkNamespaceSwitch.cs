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
    /// <summary>
    /// Enters the namespace for conntrack's grammar; returns null, or the exit code after saying why
    /// it could not as conntrack's exit_error() would (a parameter problem with its "Try" line).
    /// </summary>
    public static int? Enter(string nameOrPath, TextWriter errors)
    {
        if (TryEnter(nameOrPath) is not { } refusal)
            return null;
        errors.Write(new ParameterError(refusal.Message, refusal.ExitCode).StderrText);
        errors.Flush();
        return refusal.ExitCode;
    }

    /// <summary>Enters the namespace on the calling thread; returns null, or why it could not, for the caller to say in its own words.</summary>
    public static NamespaceRefusal? TryEnter(string nameOrPath)
    {
        string path = NetnsOption.PathOf(nameOrPath);
        int fd = NamespaceSyscalls.OpenNamespaceFile(path);
        if (fd < 0)
        {
            return -fd == (int)Errno.ENOENT
                ? new NamespaceRefusal($"network namespace `{nameOrPath}' does not exist ({path})", IsParameterProblem: true)
                : new NamespaceRefusal($"can't open network namespace `{nameOrPath}' ({path}): {Marshal.GetPInvokeErrorMessage(-fd)}", IsParameterProblem: false);
        }

        int result = NamespaceSyscalls.EnterNetworkNamespace(fd);
        FileDescriptors.Close(fd);
        return result switch
        {
            0 => null,
            -(int)Errno.EINVAL => new NamespaceRefusal($"`{path}' is not a network namespace", IsParameterProblem: true),
            -(int)Errno.EPERM => new NamespaceRefusal($"can't enter network namespace `{nameOrPath}': {Marshal.GetPInvokeErrorMessage(-result)} (setns needs CAP_SYS_ADMIN)", IsParameterProblem: false),
            _ => new NamespaceRefusal($"can't enter network namespace `{nameOrPath}': {Marshal.GetPInvokeErrorMessage(-result)}", IsParameterProblem: false),
        };
    }
}
