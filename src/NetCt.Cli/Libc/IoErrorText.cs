using System.Runtime.InteropServices;

namespace NetCt.Cli.Libc;

/// <summary>strerror's words for a file that could not be read, as C programs print them.</summary>
internal static class IoErrorText
{
    /// <summary>
    /// On Linux .NET gives an <see cref="IOException"/> from a system call the errno as its HResult,
    /// and a message that repeats the path ("Input/output error : '/proc/self/mem'"); the errno's own
    /// text is what conntrack would print. Any other IOException keeps its message.
    /// </summary>
    public static string Of(IOException e) => e.HResult > 0 ? Marshal.GetPInvokeErrorMessage(e.HResult) : e.Message;
}
