using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>One request of a batch that the kernel refused.</summary>
/// <param name="Index">The 0-based position of the entry in the batch's input.</param>
/// <param name="Errno">The positive errno.</param>
/// <param name="ExtendedAckMessage">The kernel's extended-ack text, or null.</param>
public readonly record struct BatchItemError(int Index, int Errno, string? ExtendedAckMessage)
{
    /// <summary>The errno's C name, such as "EBUSY".</summary>
    public string ErrnoName => ErrnoNames.Get(Errno);
}
