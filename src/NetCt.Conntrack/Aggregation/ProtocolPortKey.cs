namespace NetCt.Conntrack;

/// <summary>A layer-4 protocol and a port, as <see cref="FlowComposition"/> counts destination ports.</summary>
/// <param name="Protocol">The IP protocol number (6 tcp, 17 udp, 132 sctp, …).</param>
/// <param name="Port">The port.</param>
public readonly record struct ProtocolPortKey(byte Protocol, ushort Port);
