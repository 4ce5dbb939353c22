using System.Runtime.InteropServices;

namespace NetCt.Cli.Output;

/// <summary>write(2) to stdout or stderr failed (a full disk, a bad descriptor, …).</summary>
internal sealed class DescriptorWriteException : IOException
{
    public DescriptorWriteException(int descriptor, int errno)
        : this(descriptor, errno, Marshal.GetPInvokeErrorMessage(errno))
    {
    }

    private DescriptorWriteException(int descriptor, int errno, string reason)
        : base($"write to descriptor {descriptor}: {reason}", errno)
    {
        Descriptor = descriptor;
        Reason = reason;
    }

    /// <summary>The descriptor that could not be written (1 for stdout, 2 for stderr).</summary>
    public int Descriptor { get; }

    /// <summary>The strerror text of the failure.</summary>
    public string Reason { get; }
}
