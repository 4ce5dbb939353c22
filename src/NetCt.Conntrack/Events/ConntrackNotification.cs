namespace NetCt.Conntrack;

/// <summary>
/// One item of a <see cref="ConntrackEventStream"/>: a <see cref="FlowEvent"/> (from
/// <see cref="ConntrackClient.Listen"/>), an <see cref="ExpectationEvent"/> (from
/// <see cref="ConntrackClient.ListenExpectations"/>), an <see cref="EventOverrun"/> saying that
/// the kernel dropped events, or an <see cref="UndecodableEvent"/> that was skipped. Switch on the type:
/// <code>
/// switch (notification)
/// {
///     case FlowEvent e: Handle(e.Type, e.Flow); break;
///     case EventOverrun o: Resynchronise(o.OverrunCount); break;
/// }
/// </code>
/// </summary>
public abstract record ConntrackNotification;
