namespace NetCt.Conntrack;

/// <summary>A change to the expectation table, as the kernel announced it on an NFNLGRP_CONNTRACK_EXP_* group.</summary>
/// <param name="Type">
/// <see cref="FlowEventType.New"/> for IPCTNL_MSG_EXP_NEW with NLM_F_CREATE, <see cref="FlowEventType.Update"/>
/// for IPCTNL_MSG_EXP_NEW without it, <see cref="FlowEventType.Destroy"/> for IPCTNL_MSG_EXP_DELETE.
/// </param>
/// <param name="Expectation">The expectation as the kernel described it.</param>
/// <param name="SenderPortId">The netlink port id of the process whose request caused it; 0 for the kernel.</param>
public sealed record ExpectationEvent(FlowEventType Type, Expectation Expectation, uint SenderPortId) : ConntrackNotification;
