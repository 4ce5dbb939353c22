namespace NetCt.Conntrack;

/// <summary>A layer-4 protocol and the tracker's state of an entry, as <see cref="FlowComposition"/> groups them.</summary>
/// <param name="Protocol">The IP protocol number (6 tcp, 17 udp, …).</param>
/// <param name="State">The TCP, SCTP or DCCP state number (<see cref="TcpState"/>, <see cref="SctpState"/>, <see cref="DccpState"/>); null for protocols without states.</param>
public readonly record struct ProtocolStateKey(byte Protocol, byte? State);
