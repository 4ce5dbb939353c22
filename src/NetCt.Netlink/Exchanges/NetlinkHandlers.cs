namespace NetCt.Netlink;

/// <summary>Receives a data message of an exchange; <paramref name="message"/> is only valid during the call.</summary>
/// <param name="message">The message.</param>
public delegate void NetlinkMessageHandler(NetlinkMessage message);

/// <summary>Receives the answer to one request of a batch, in request order.</summary>
/// <param name="ack">The acknowledgement; <see cref="NetlinkAck.Index"/> and <see cref="NetlinkAck.Sequence"/> identify the request.</param>
public delegate void NetlinkAckHandler(NetlinkAck ack);

/// <summary>Receives a data reply to one request of a batch; <paramref name="message"/> is only valid during the call.</summary>
/// <param name="index">Index (0-based, across windows) of the request it answers.</param>
/// <param name="message">The message.</param>
public delegate void NetlinkBatchReplyHandler(int index, NetlinkMessage message);
