using System.Runtime.InteropServices;

namespace NetCt.Interop;

/// <summary>Signal dispositions inherited from the parent process.</summary>
public static partial class SignalDispositions
{
    private const int SIGINT = 2;
    private static readonly nint SIG_DFL = 0;
    private static readonly nint SIG_IGN = 1;

    /// <summary>
    /// A shell starts background jobs (<c>cmd &amp;</c>, and <c>timeout</c> inside them) with SIGINT
    /// ignored, and .NET's signal handling, once started, leaves an inherited SIG_IGN alone, so a
    /// <see cref="System.Runtime.InteropServices.PosixSignalRegistration"/> for SIGINT never runs.
    /// conntrack -E's signal() replaces the disposition; calling this before .NET's signal handling
    /// starts (before the first use of <see cref="Console"/>) does the same for netct.
    /// </summary>
    public static void StopIgnoringInterrupt()
    {
        nint previous = Signal(SIGINT, SIG_DFL);
        if (previous != SIG_IGN)
        {
            Signal(SIGINT, previous);
        }
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
