using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>The kernel's answer to one request of a <see cref="ConntrackClient.Pipeline"/>.</summary>
/// <param name="Index">The 0-based position of the request in the pipeline's input.</param>
/// <param name="Request">The request.</param>
/// <param name="Errno">0 when the kernel did what was asked, else the positive errno (ENOENT: no such entry).</param>
/// <param name="ExtendedAckMessage">The kernel's extended-ack text, or null.</param>
/// <param name="Entry">For a successful <see cref="FlowOperation.Get"/>, the entry as the kernel has it; otherwise null.</param>
public readonly record struct FlowResponse(int Index, FlowRequest Request, int Errno, string? ExtendedAckMessage, Flow? Entry)
{
    /// <summary>Whether the kernel did what was asked.</summary>
    public bool IsSuccess => Errno == 0;

    /// <summary>The errno's C name, such as "EEXIST".</summary>
    public string ErrnoName => ErrnoNames.Get(Errno);
}
