namespace NetCt.Netlink;

/// <summary>
/// A netlink datagram socket. <see cref="NetlinkSocket"/> is the real one over AF_NETLINK; tests
/// substitute a fake that records what is sent and replays scripted replies.
/// </summary>
public interface INetlinkSocket : IDisposable
{
    /// <summary>The port id the kernel assigned at bind; kernel replies carry it in nlmsg_pid.</summary>
    uint PortId { get; }

    /// <summary>The effective receive buffer size (SO_RCVBUF as read back; the kernel doubles what was set).</summary>
    int ReceiveBufferSize { get; }

    /// <summary>Sends one datagram (one or more messages back to back) to the kernel.</summary>
    /// <param name="datagram">The bytes.</param>
    /// <exception cref="NetlinkException">sendto failed.</exception>
    void Send(ReadOnlySpan<byte> datagram);

    /// <summary>Receives (or peeks at) one datagram.</summary>
    /// <param name="buffer">Destination; may be empty when peeking for the length only.</param>
    /// <param name="flags">Peek and/or don't-wait.</param>
    /// <param name="senderPortId">Port id of the sender's address: 0 for the kernel.</param>
    /// <returns>
    /// The datagram's full length, which exceeds <paramref name="buffer"/>'s length when it did not fit
    /// (a non-peek read then loses the tail); -1 when <see cref="NetlinkReceiveFlags.DontWait"/> was
    /// given and nothing is queued.
    /// </returns>
    /// <exception cref="NetlinkException">recvfrom failed; ENOBUFS means the receive queue overflowed and messages were lost.</exception>
    int Receive(Span<byte> buffer, NetlinkReceiveFlags flags, out uint senderPortId);

    /// <summary>Waits until a datagram (or a pending error such as ENOBUFS) can be received.</summary>
    /// <param name="timeoutMilliseconds">0 to check without waiting, -1 to wait forever.</param>
    /// <returns>False on timeout.</returns>
    bool WaitForReceive(int timeoutMilliseconds);

    /// <summary>Asks for a receive buffer of <paramref name="bytes"/>: SO_RCVBUFFORCE, falling back to SO_RCVBUF (capped by net.core.rmem_max) without CAP_NET_ADMIN.</summary>
    /// <param name="bytes">Requested size.</param>
    void SetReceiveBufferSize(int bytes);

    /// <summary>Joins a multicast group (NETLINK_ADD_MEMBERSHIP).</summary>
    /// <param name="group">Group number, such as NFNLGRP_CONNTRACK_NEW.</param>
    void JoinGroup(uint group);

    /// <summary>Leaves a multicast group (NETLINK_DROP_MEMBERSHIP).</summary>
    /// <param name="group">Group number.</param>
    void LeaveGroup(uint group);
}
