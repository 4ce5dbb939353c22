namespace NetCt.Conntrack;

/// <summary>
/// A notification the kernel sent that does not decode (an attribute that runs past its message, a
/// wrongly nested tuple, ...). The stream skips it and goes on, as conntrack does: one bad message
/// must not end a listener that is meant to run for days.
/// </summary>
/// <param name="Reason">What was wrong, with the attribute path (the <see cref="NetCt.Netlink.NetlinkDecodeException"/> message).</param>
public sealed record UndecodableEvent(string Reason) : ConntrackNotification;
