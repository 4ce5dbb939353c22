using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Health;

/// <summary>
/// The timeouts in force as the cttimeout subsystem reports them (nfct's <c>default-get</c>), under
/// the name of the sysctl that holds the same value, so that they sit beside the sysctls. States
/// without a sysctl (tcp SYN_SENT2) are left out, and udplite shares udp's.
/// </summary>
internal static class CttimeoutDefaults
{
    private const ushort Inet = 2;
    private const ushort Inet6 = 10;

    private static readonly (ushort Family, byte Protocol, string Sysctl)[] Trackers =
    [
        (Inet, IpProtocols.IPPROTO_TCP, "tcp"), (Inet, IpProtocols.IPPROTO_UDP, "udp"), (Inet, IpProtocols.IPPROTO_ICMP, "icmp"),
        (Inet6, IpProtocols.IPPROTO_ICMPV6, "icmpv6"), (Inet, IpProtocols.IPPROTO_SCTP, "sctp"), (Inet, IpProtocols.IPPROTO_DCCP, "dccp"),
        (Inet, IpProtocols.IPPROTO_GRE, "gre"), (Inet, TimeoutProtocols.Generic, "generic"),
    ];

    /// <summary>The values by sysctl name; a protocol the kernel does not track (dccp after 6.16) is skipped.</summary>
    /// <exception cref="NetlinkException">The subsystem refused every request (no CAP_NET_ADMIN, no nfnetlink_cttimeout).</exception>
    public static Dictionary<string, long> Read(TimeoutClient client)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        NetlinkException? refusal = null;
        foreach (var (family, protocol, name) in Trackers)
        {
            TimeoutPolicy policy;
            try
            {
                policy = client.GetDefault(family, protocol);
            }
            catch (NetlinkException e)
            {
                refusal ??= e;
                continue;
            }
            var states = TimeoutProtocols.States(protocol);
            foreach (var (attribute, seconds) in policy.Timeouts)
            {
                if (attribute >= 1 && attribute <= states.Count && SysctlName(name, states[attribute - 1]) is { } sysctl)
                    values[sysctl] = seconds;
            }
        }
        if (values.Count == 0 && refusal is not null)
            throw refusal;
        return values;
    }

    /// <summary>The sysctl that holds a protocol's state timeout (net/netfilter/nf_conntrack_proto_*.c sysctl tables), or null.</summary>
    public static string? SysctlName(string protocol, string state) => (protocol, state) switch
    {
        ("tcp", "SYN_SENT2") => null,
        ("tcp", "RETRANS") => "nf_conntrack_tcp_timeout_max_retrans",
        ("udp" or "gre", "UNREPLIED") => $"nf_conntrack_{protocol}_timeout",
        ("udp" or "gre", "REPLIED") => $"nf_conntrack_{protocol}_timeout_stream",
        (_, "TIMEOUT") => $"nf_conntrack_{protocol}_timeout",
        _ => $"nf_conntrack_{protocol}_timeout_{state.ToLowerInvariant()}",
    };
}
