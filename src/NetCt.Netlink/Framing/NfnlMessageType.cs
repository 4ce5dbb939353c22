namespace NetCt.Netlink;

/// <summary>
/// nfnetlink splits <c>nlmsg_type</c> into an 8-bit subsystem (high byte) and an 8-bit message
/// (low byte); these helpers are the NFNL_SUBSYS_ID / NFNL_MSG_TYPE macros.
/// </summary>
public static class NfnlMessageType
{
    /// <summary>Builds <c>subsystem &lt;&lt; 8 | message</c>.</summary>
    /// <param name="subsystem">An NFNL_SUBSYS_* id.</param>
    /// <param name="message">The subsystem's message type.</param>
    /// <returns>The nlmsg_type.</returns>
    public static ushort Compose(byte subsystem, byte message) => (ushort)((subsystem << 8) | message);

    /// <summary>NFNL_SUBSYS_ID: the subsystem of an nlmsg_type.</summary>
    /// <param name="type">The nlmsg_type.</param>
    /// <returns>The high byte.</returns>
    public static byte Subsystem(ushort type) => (byte)(type >> 8);

    /// <summary>NFNL_MSG_TYPE: the message of an nlmsg_type.</summary>
    /// <param name="type">The nlmsg_type.</param>
    /// <returns>The low byte.</returns>
    public static byte Message(ushort type) => (byte)type;
}
