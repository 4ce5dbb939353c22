using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>The first request of a pipelined command that the kernel refused, kept until the answers already on their way are handled.</summary>
/// <param name="Errno">The positive errno.</param>
/// <param name="ExtendedAckMessage">The kernel's extended-ack text, or null.</param>
internal sealed record KernelRefusal(int Errno, string? ExtendedAckMessage)
{
    public void Throw() => throw new NetlinkException(Errno, ExtendedAckMessage);
}
