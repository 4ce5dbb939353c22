namespace NetCt.Conntrack;

/// <summary>A change to one conntrack entry, as the kernel announced it on a ctnetlink multicast group.</summary>
/// <param name="Type">What happened: created, updated or destroyed.</param>
/// <param name="Flow">The entry as the event carried it (an event carries fewer attributes than a dump: for example the kernel leaves out a zero mark).</param>
/// <param name="SenderPortId">
/// The netlink port id of the process whose request caused the event (nlmsg_pid), or 0 when the
/// kernel itself caused it (packets, timeouts).
/// </param>
public sealed record FlowEvent(FlowEventType Type, Flow Flow, uint SenderPortId) : ConntrackNotification
{
    /// <summary>Whether another process caused the event (conntrack prints <c>[USERSPACE]</c> for these).</summary>
    public bool IsFromUserspace => SenderPortId != 0;
}
