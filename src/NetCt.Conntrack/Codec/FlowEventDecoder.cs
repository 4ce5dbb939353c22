using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Turns a ctnetlink event message into a <see cref="FlowEvent"/>.</summary>
public static class FlowEventDecoder
{
    /// <summary>
    /// What a ctnetlink message announces: IPCTNL_MSG_CT_NEW with NLM_F_CREATE is a creation, without
    /// it an update (the kernel sets NLM_F_CREATE|NLM_F_EXCL on IPCT_NEW only); IPCTNL_MSG_CT_DELETE
    /// is a destruction.
    /// </summary>
    /// <param name="type">nlmsg_type.</param>
    /// <param name="flags">nlmsg_flags.</param>
    /// <returns>The event type, or null for any other message (expectation events, replies).</returns>
    public static FlowEventType? TypeOf(ushort type, NetlinkMessageFlags flags)
    {
        if (NfnlMessageType.Subsystem(type) != NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK)
        {
            return null;
        }

        return (CntlMsgTypes)NfnlMessageType.Message(type) switch
        {
            CntlMsgTypes.IPCTNL_MSG_CT_NEW => (flags & NetlinkMessageFlags.NLM_F_CREATE) != 0 ? FlowEventType.New : FlowEventType.Update,
            CntlMsgTypes.IPCTNL_MSG_CT_DELETE => FlowEventType.Destroy,
            _ => null,
        };
    }

    /// <summary>Decodes one event message.</summary>
    /// <param name="message">The message; only read during the call.</param>
    /// <returns>The event, or null when the message is not a conntrack event.</returns>
    /// <exception cref="NetlinkDecodeException">An attribute is malformed.</exception>
    public static FlowEvent? Decode(NetlinkMessage message) =>
        TypeOf(message.Type, message.Flags) is { } type
            ? new FlowEvent(type, FlowDecoder.Decode(message), message.Header.PortId)
            : null;
}
