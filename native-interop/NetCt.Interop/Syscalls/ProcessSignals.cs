using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>Signal dispositions the .NET runtime changes and a C program would not.</summary>
public static unsafe class ProcessSignals
{
    /// <summary>
    /// Gives SIGPIPE back its default action (terminate the process). The .NET runtime ignores it, so a
    /// write to a closed pipe fails with EPIPE, which the console stream then drops silently; conntrack
    /// dies of SIGPIPE instead (`conntrack -L | head -1`: exit status 141 in the shell).
    /// </summary>
    /// <returns>0, or a negative errno.</returns>
    public static int RestoreDefaultSigPipe()
    {
        sigaction action = default;
        action.sa_handler = LibC.SIG_DFL;
        LibC.sigemptyset(&action.sa_mask);
        return LibC.sigaction(LibC.SIGPIPE, &action, null) == 0 ? 0 : -LibC.errno;
    }
}
