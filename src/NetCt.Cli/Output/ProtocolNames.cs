using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// The names libnetfilter_conntrack 1.1.0 prints (src/conntrack/snprintf.c: l3proto2str, proto2str,
/// states, sctp_states, dccp_states). An index past the end of a state table prints as the table's
/// NONE entry, as the library does. The state tables are also the words <c>--state</c> accepts
/// (conntrack's own tables hold the same names in the same order).
/// </summary>
internal static class ProtocolNames
{
    private static readonly byte[] Unknown = "unknown"u8.ToArray();
    private static readonly byte[] Ipv4 = "ipv4"u8.ToArray();
    private static readonly byte[] Ipv6 = "ipv6"u8.ToArray();

    private static readonly byte[]?[] Layer4 = BuildLayer4();

    private static readonly byte[][] TcpStates =
    [
        "NONE"u8.ToArray(), "SYN_SENT"u8.ToArray(), "SYN_RECV"u8.ToArray(), "ESTABLISHED"u8.ToArray(),
        "FIN_WAIT"u8.ToArray(), "CLOSE_WAIT"u8.ToArray(), "LAST_ACK"u8.ToArray(), "TIME_WAIT"u8.ToArray(),
        "CLOSE"u8.ToArray(), "SYN_SENT2"u8.ToArray(),
    ];

    private static readonly byte[][] SctpStates =
    [
        "NONE"u8.ToArray(), "CLOSED"u8.ToArray(), "COOKIE_WAIT"u8.ToArray(), "COOKIE_ECHOED"u8.ToArray(),
        "ESTABLISHED"u8.ToArray(), "SHUTDOWN_SENT"u8.ToArray(), "SHUTDOWN_RECD"u8.ToArray(),
        "SHUTDOWN_ACK_SENT"u8.ToArray(), "HEARTBEAT_SENT"u8.ToArray(), "HEARTBEAT_ACKED"u8.ToArray(),
    ];

    private static readonly byte[][] DccpStates =
    [
        "NONE"u8.ToArray(), "REQUEST"u8.ToArray(), "RESPOND"u8.ToArray(), "PARTOPEN"u8.ToArray(),
        "OPEN"u8.ToArray(), "CLOSEREQ"u8.ToArray(), "CLOSING"u8.ToArray(), "TIMEWAIT"u8.ToArray(),
        "IGNORE"u8.ToArray(), "INVALID"u8.ToArray(),
    ];

    /// <summary>"ipv4", "ipv6" or "unknown" for an AF_* number.</summary>
    public static ReadOnlySpan<byte> Layer3(byte family) => family switch
    {
        2 => Ipv4,
        10 => Ipv6,
        _ => Unknown,
    };

    /// <summary>The protocol's name, or "unknown" for protocols libnetfilter_conntrack does not name.</summary>
    public static ReadOnlySpan<byte> Protocol(byte protocol) => Layer4[protocol] ?? Unknown;

    /// <summary>The protocol's name as a string, for the argument parser (<see cref="Protocol"/> is what printing uses).</summary>
    public static string Text(byte protocol) => System.Text.Encoding.ASCII.GetString(Protocol(protocol));

    /// <summary>Whether libnetfilter_conntrack has a name for the protocol (tcp, udp, udplite, icmp, icmpv6, sctp, gre, dccp).</summary>
    public static bool IsNamed(byte protocol) => Layer4[protocol] is not null;

    public static ReadOnlySpan<byte> TcpState(byte state) => Lookup(TcpStates, state);

    public static ReadOnlySpan<byte> SctpState(byte state) => Lookup(SctpStates, state);

    public static ReadOnlySpan<byte> DccpState(byte state) => Lookup(DccpStates, state);

    /// <summary>The number of the TCP state named <paramref name="name"/> (case matters, as in strcmp), or -1.</summary>
    public static int TcpStateNumber(string name) => Find(TcpStates, name);

    /// <summary>The number of the SCTP state named <paramref name="name"/>, or -1.</summary>
    public static int SctpStateNumber(string name) => Find(SctpStates, name);

    /// <summary>The number of the DCCP state named <paramref name="name"/>, or -1.</summary>
    public static int DccpStateNumber(string name) => Find(DccpStates, name);

    private static ReadOnlySpan<byte> Lookup(byte[][] table, byte state) => table[state < table.Length ? state : 0];

    private static int Find(byte[][] table, string name)
    {
        for (int state = 0; state < table.Length; state++)
        {
            if (System.Text.Ascii.Equals(table[state], name))
                return state;
        }
        return -1;
    }

    private static byte[]?[] BuildLayer4()
    {
        var names = new byte[]?[256];
        names[IpProtocols.IPPROTO_TCP] = "tcp"u8.ToArray();
        names[IpProtocols.IPPROTO_UDP] = "udp"u8.ToArray();
        names[IpProtocols.IPPROTO_UDPLITE] = "udplite"u8.ToArray();
        names[IpProtocols.IPPROTO_ICMP] = "icmp"u8.ToArray();
        names[IpProtocols.IPPROTO_ICMPV6] = "icmpv6"u8.ToArray();
        names[IpProtocols.IPPROTO_SCTP] = "sctp"u8.ToArray();
        names[IpProtocols.IPPROTO_GRE] = "gre"u8.ToArray();
        names[IpProtocols.IPPROTO_DCCP] = "dccp"u8.ToArray();
        return names;
    }
}
