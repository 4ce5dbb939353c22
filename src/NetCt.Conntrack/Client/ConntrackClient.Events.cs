using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

public sealed partial class ConntrackClient
{
    /// <summary>
    /// Receive buffer asked for when <see cref="Listen"/> gets none: 64 MiB (the kernel doubles it
    /// and charges only what is queued). A burst of 200,000 creates queues about 150 MiB of event
    /// messages faster than any reader formats them; the kernel default (net.core.rmem_default,
    /// 208 KiB) overflows after a few hundred.
    /// </summary>
    public const int DefaultEventReceiveBufferSize = 64 * 1024 * 1024;

    /// <summary>
    /// Starts receiving conntrack events on a socket of their own. The buffer is set with
    /// SO_RCVBUFFORCE, which needs CAP_NET_ADMIN, else with SO_RCVBUF (capped by net.core.rmem_max).
    /// </summary>
    /// <param name="types">Which events: each type is one multicast group joined.</param>
    /// <param name="filter">Only events whose entry matches (applied in userspace; an event carries no zero mark, which counts as mark 0); null for all.</param>
    /// <param name="receiveBufferSize">The socket receive buffer to ask for; null for <see cref="DefaultEventReceiveBufferSize"/>.</param>
    /// <returns>The stream; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><paramref name="types"/> selects no event.</exception>
    /// <exception cref="NetlinkException">The socket could not be set up (EPERM without CAP_NET_ADMIN).</exception>
    public ConntrackEventStream Listen(FlowEventTypes types = FlowEventTypes.All, FlowFilter? filter = null, int? receiveBufferSize = null)
    {
        FlowFilter? applied = filter is null || filter.IsEmpty ? null : filter;
        return OpenEventStream(
            types,
            receiveBufferSize,
            (NfnetlinkGroups.NFNLGRP_CONNTRACK_NEW, NfnetlinkGroups.NFNLGRP_CONNTRACK_UPDATE, NfnetlinkGroups.NFNLGRP_CONNTRACK_DESTROY),
            message => FlowEventDecoder.Decode(message) is { } flowEvent && (applied is null || applied.Matches(flowEvent.Flow)) ? flowEvent : null);
    }

    /// <summary>
    /// Starts receiving expectation events (NFNLGRP_CONNTRACK_EXP_*) on a socket of their own, with
    /// the receive buffer set as by <see cref="Listen"/>. The kernel announces only the expectations
    /// of master connections created while someone listens.
    /// </summary>
    /// <param name="types">Which events: each type is one multicast group joined.</param>
    /// <param name="receiveBufferSize">The socket receive buffer to ask for; null for <see cref="DefaultEventReceiveBufferSize"/>.</param>
    /// <returns>The stream of <see cref="ExpectationEvent"/> and <see cref="EventOverrun"/>; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><paramref name="types"/> selects no event.</exception>
    /// <exception cref="NetlinkException">The socket could not be set up (EPERM without CAP_NET_ADMIN).</exception>
    public ConntrackEventStream ListenExpectations(FlowEventTypes types = FlowEventTypes.All, int? receiveBufferSize = null) =>
        OpenEventStream(
            types,
            receiveBufferSize,
            (NfnetlinkGroups.NFNLGRP_CONNTRACK_EXP_NEW, NfnetlinkGroups.NFNLGRP_CONNTRACK_EXP_UPDATE, NfnetlinkGroups.NFNLGRP_CONNTRACK_EXP_DESTROY),
            ExpectationDecoder.DecodeEvent);

    private ConntrackEventStream OpenEventStream(
        FlowEventTypes types,
        int? receiveBufferSize,
        (NfnetlinkGroups New, NfnetlinkGroups Update, NfnetlinkGroups Destroy) groupOf,
        Func<NetlinkMessage, ConntrackNotification?> decode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((types & FlowEventTypes.All) == 0)
        {
            throw new ArgumentException("no event type selected", nameof(types));
        }

        var connection = new NetlinkConnection(_openSocket());
        try
        {
            connection.Socket.SetReceiveBufferSize(receiveBufferSize ?? DefaultEventReceiveBufferSize);
            Span<uint> groups = stackalloc uint[3];
            int count = 0;
            if (types.HasFlag(FlowEventTypes.New))
            {
                groups[count++] = (uint)groupOf.New;
            }

            if (types.HasFlag(FlowEventTypes.Update))
            {
                groups[count++] = (uint)groupOf.Update;
            }

            if (types.HasFlag(FlowEventTypes.Destroy))
            {
                groups[count++] = (uint)groupOf.Destroy;
            }

            return new ConntrackEventStream(connection, connection.Subscribe(groups[..count]), decode);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
