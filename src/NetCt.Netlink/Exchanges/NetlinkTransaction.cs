using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// The request + ack exchange: send one request, hand the data replies with its sequence number
/// (and echoes addressed to this socket) to the caller, and end at its acknowledgement, or at
/// NLMSG_DONE for a dump sent this way. It holds the socket only within the call.
/// </summary>
internal static class NetlinkTransaction
{
    /// <summary>Runs the exchange.</summary>
    /// <param name="receiver">The connection's receive core.</param>
    /// <param name="request">Exactly one message with NLM_F_REQUEST | NLM_F_ACK.</param>
    /// <param name="onReply">Receives data messages; may be null.</param>
    /// <returns>The acknowledgement, successful or not.</returns>
    /// <exception cref="NetlinkException">A system call failed, or the receive queue overflowed.</exception>
    public static NetlinkAck Run(NetlinkReceiver receiver, ReadOnlySpan<byte> request, NetlinkMessageHandler? onReply)
    {
        NetlinkMessageHeader header = RequestValidation.SingleRequest(request, NetlinkMessageFlags.NLM_F_ACK);
        receiver.Begin(null);
        receiver.Socket.Send(request);
        while (true)
        {
            if (!receiver.TryTakeMessage(out int start, out int length))
            {
                receiver.Receive(dontWait: false);
                continue;
            }

            NetlinkMessage message = receiver.MessageAt(start, length);
            if (message.Sequence != header.Sequence)
            {
                if (receiver.IsEcho(message))
                {
                    onReply?.Invoke(message);
                }

                continue;
            }

            switch (message.Type)
            {
                case NetlinkMessageTypes.NLMSG_ERROR:
                    receiver.Discard();
                    return NetlinkAck.Parse(message);
                case NetlinkMessageTypes.NLMSG_DONE:
                    receiver.Discard();
                    return NetlinkAck.ParseDone(message);
                case NetlinkMessageTypes.NLMSG_OVERRUN:
                    throw NetlinkReceiver.OverrunException();
                case NetlinkMessageTypes.NLMSG_NOOP:
                    break;
                default:
                    onReply?.Invoke(message);
                    break;
            }
        }
    }
}
