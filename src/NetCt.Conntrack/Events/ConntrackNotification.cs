namespace NetCt.Conntrack;

/// <summary>
/// One item of a <see cref="ConntrackEventStream"/>: a <see cref="FlowEvent"/>, or an
/// <see cref="EventOverrun"/> saying that the kernel dropped events. (Expectation events, when the
/// expectation table gets its own listener, are a further kind.) Switch on the type:
/// <code>
/// switch (notification)
/// {
///     case FlowEvent e: Handle(e.Type, e.Flow); break;
///     case EventOverrun o: Resynchronise(o.OverrunCount); break;
/// }
/// </code>
/// </summary>
public abstract record ConntrackNotification;
