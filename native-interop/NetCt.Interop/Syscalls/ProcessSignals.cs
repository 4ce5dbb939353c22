using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>Signal dispositions the .NET runtime changes or keeps where a C program like conntrack would not.</summary>
public static unsafe class ProcessSignals
{
    /// <summary>
    /// Gives SIGPIPE back its default action (terminate the process). The .NET runtime ignores it, so a
    /// write to a closed pipe fails with EPIPE, which the console stream then drops silently; conntrack
    /// dies of SIGPIPE instead (`conntrack -L | head -1`: exit status 141 in the shell).
    /// </summary>
    /// <returns>0, or a negative errno.</returns>
    public static int RestoreDefaultSigPipe() => SetDefault(LibC.SIGPIPE);

    /// <summary>
    /// A shell starts background jobs (<c>cmd &amp;</c>, and <c>timeout</c> inside them) with SIGINT
    /// ignored, and .NET's signal handling, once started, leaves an inherited SIG_IGN alone, so a
    /// <see cref="System.Runtime.InteropServices.PosixSignalRegistration"/> for SIGINT never runs.
    /// conntrack -E's signal() replaces the disposition; calling this before .NET's signal handling
    /// starts (before the first use of <see cref="Console"/> or a signal registration) does the same.
    /// </summary>
    /// <returns>0, or a negative errno.</returns>
    public static int StopIgnoringInterrupt()
    {
        sigaction current = default;
        if (LibC.sigaction(LibC.SIGINT, null, &current) != 0)
        {
            return -LibC.errno;
        }

        return current.sa_handler == LibC.SIG_IGN ? SetDefault(LibC.SIGINT) : 0;
    }

    private static int SetDefault(int signal)
    {
        sigaction action = default;
        action.sa_handler = LibC.SIG_DFL;
        LibC.sigemptyset(&action.sa_mask);
        return LibC.sigaction(signal, &action, null) == 0 ? 0 : -LibC.errno;
    }
}
