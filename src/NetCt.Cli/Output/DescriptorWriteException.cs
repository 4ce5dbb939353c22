using System.Runtime.InteropServices;

namespace NetCt.Cli.Output;

/// <summary>write(2) to stdout or stderr failed (a full disk, a bad descriptor, …).</summary>
internal sealed class DescriptorWriteException(int descriptor, int errno)
    : IOException($"write to descriptor {descriptor}: {Marshal.GetPInvokeErrorMessage(errno)}", errno)
{
    /// <summary>The descriptor that could not be written (1 for stdout, 2 for stderr).</summary>
    public int Descriptor { get; } = descriptor;

    /// <summary>The strerror text of the failure.</summary>
    public string Reason { get; } = Marshal.GetPInvokeErrorMessage(errno);
}
