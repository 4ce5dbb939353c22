using NetCt.Interop;

namespace NetCt.Conntrack;

/// <summary>
/// The protocols the cttimeout subsystem has policies for and the names of their states, in the
/// order of their CTA_TIMEOUT_* attributes (the names nfct and libnetfilter_cttimeout use).
/// </summary>
public static class TimeoutProtocols
{
    /// <summary>The protocol number that selects the generic tracker (IPPROTO_RAW), as nfct's <c>generic</c>.</summary>
    public const byte Generic = IpProtocols.IPPROTO_RAW;

    private static readonly string[] Tcp =
    [
        "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE",
        "SYN_SENT2", "RETRANS", "UNACKNOWLEDGED",
    ];

    private static readonly string[] UnrepliedReplied = ["UNREPLIED", "REPLIED"];

    private static readonly string[] Single = ["TIMEOUT"];

    // HEARTBEAT_ACKED is no longer used by the kernel (5.x) but still reported.
    private static readonly string[] Sctp =
    [
        "CLOSED", "COOKIE_WAIT", "COOKIE_ECHOED", "ESTABLISHED", "SHUTDOWN_SENT", "SHUTDOWN_RECD", "SHUTDOWN_ACK_SENT",
        "HEARTBEAT_SENT", "HEARTBEAT_ACKED",
    ];

    private static readonly string[] Dccp = ["REQUEST", "RESPOND", "PARTOPEN", "OPEN", "CLOSEREQ", "CLOSING", "TIMEWAIT"];

    /// <summary>
    /// The state names of <paramref name="protocol"/>: element i names attribute type i + 1. Empty for
    /// a protocol without a tracker of its own.
    /// </summary>
    /// <param name="protocol">The layer-4 protocol number.</param>
    /// <returns>The names, upper case.</returns>
    public static IReadOnlyList<string> States(byte protocol) => protocol switch
    {
        IpProtocols.IPPROTO_TCP => Tcp,
        IpProtocols.IPPROTO_UDP or IpProtocols.IPPROTO_UDPLITE or IpProtocols.IPPROTO_GRE => UnrepliedReplied,
        IpProtocols.IPPROTO_ICMP or IpProtocols.IPPROTO_ICMPV6 or Generic => Single,
        IpProtocols.IPPROTO_SCTP => Sctp,
        IpProtocols.IPPROTO_DCCP => Dccp,
        _ => [],
    };

    /// <summary>The attribute type of a state of <paramref name="protocol"/>, by name ignoring case, or null.</summary>
    /// <param name="protocol">The layer-4 protocol number.</param>
    /// <param name="state">A state name such as <c>established</c>.</param>
    /// <returns>The CTA_TIMEOUT_* attribute type, or null when the protocol has no such state.</returns>
    public static ushort? StateAttribute(byte protocol, string state)
    {
        IReadOnlyList<string> names = States(protocol);
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], state, StringComparison.OrdinalIgnoreCase))
            {
                return (ushort)(i + 1);
            }
        }

        return null;
    }
}
