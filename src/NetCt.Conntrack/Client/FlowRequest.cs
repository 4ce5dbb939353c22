namespace NetCt.Conntrack;

/// <summary>One request of a <see cref="ConntrackClient.Pipeline"/>.</summary>
/// <param name="Operation">What to do.</param>
/// <param name="Flow">
/// The entry: for <see cref="FlowOperation.Create"/>, <see cref="FlowOperation.Add"/> and
/// <see cref="FlowOperation.Update"/> its tuple and the fields to set; for <see cref="FlowOperation.Delete"/>
/// and <see cref="FlowOperation.Get"/> its tuple and zone (and for a delete its id, when known).
/// </param>
public readonly record struct FlowRequest(FlowOperation Operation, Flow Flow);
