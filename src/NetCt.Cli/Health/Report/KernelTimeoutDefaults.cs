namespace NetCt.Cli.Health;

/// <summary>
/// The kernel's default for each nf_conntrack_*timeout* sysctl, in seconds: the constants of
/// net/netfilter/nf_conntrack_proto_{tcp,udp,icmp,icmpv6,generic,gre,sctp,dccp}.c and, for
/// frag6, IPV6_FRAG_TIMEOUT, as in Linux 6.2 and later. Older kernels had other defaults for a few
/// (udp_timeout_stream 180, sctp_timeout_established 5 days, sctp_timeout_shutdown_sent/recd 0.3 s);
/// there a value equal to the old default shows as changed.
/// </summary>
internal static class KernelTimeoutDefaults
{
    private const long Minute = 60;
    private const long Day = 24 * 60 * Minute;

    private static readonly Dictionary<string, long> Seconds = new(StringComparer.Ordinal)
    {
        // nf_conntrack_proto_tcp.c, tcp_timeouts[]
        ["nf_conntrack_tcp_timeout_syn_sent"] = 2 * Minute,
        ["nf_conntrack_tcp_timeout_syn_recv"] = 60,
        ["nf_conntrack_tcp_timeout_established"] = 5 * Day,
        ["nf_conntrack_tcp_timeout_fin_wait"] = 2 * Minute,
        ["nf_conntrack_tcp_timeout_close_wait"] = 60,
        ["nf_conntrack_tcp_timeout_last_ack"] = 30,
        ["nf_conntrack_tcp_timeout_time_wait"] = 2 * Minute,
        ["nf_conntrack_tcp_timeout_close"] = 10,
        ["nf_conntrack_tcp_timeout_max_retrans"] = 5 * Minute,
        ["nf_conntrack_tcp_timeout_unacknowledged"] = 5 * Minute,
        // nf_conntrack_proto_udp.c, udp_timeouts[] (UDP_CT_UNREPLIED, UDP_CT_REPLIED)
        ["nf_conntrack_udp_timeout"] = 30,
        ["nf_conntrack_udp_timeout_stream"] = 120,
        // nf_conntrack_proto_icmp.c, nf_conntrack_proto_icmpv6.c, nf_conntrack_proto_generic.c
        ["nf_conntrack_icmp_timeout"] = 30,
        ["nf_conntrack_icmpv6_timeout"] = 30,
        ["nf_conntrack_generic_timeout"] = 600,
        // nf_conntrack_proto_gre.c (GRE_CT_UNREPLIED, GRE_CT_REPLIED)
        ["nf_conntrack_gre_timeout"] = 30,
        ["nf_conntrack_gre_timeout_stream"] = 180,
        // nf_conntrack_proto_sctp.c, sctp_timeouts[]
        ["nf_conntrack_sctp_timeout_closed"] = 10,
        ["nf_conntrack_sctp_timeout_cookie_wait"] = 3,
        ["nf_conntrack_sctp_timeout_cookie_echoed"] = 3,
        ["nf_conntrack_sctp_timeout_established"] = 210,
        ["nf_conntrack_sctp_timeout_shutdown_sent"] = 3,
        ["nf_conntrack_sctp_timeout_shutdown_recd"] = 3,
        ["nf_conntrack_sctp_timeout_shutdown_ack_sent"] = 3,
        ["nf_conntrack_sctp_timeout_heartbeat_sent"] = 30,
        // nf_conntrack_proto_dccp.c, dccp_timeouts[] (DCCP_MSL is 2 minutes; the tracker was removed in 6.16)
        ["nf_conntrack_dccp_timeout_request"] = 2 * 2 * Minute,
        ["nf_conntrack_dccp_timeout_respond"] = 4 * 2 * Minute,
        ["nf_conntrack_dccp_timeout_partopen"] = 4 * 2 * Minute,
        ["nf_conntrack_dccp_timeout_open"] = 12 * 60 * Minute,
        ["nf_conntrack_dccp_timeout_closereq"] = 64,
        ["nf_conntrack_dccp_timeout_closing"] = 64,
        ["nf_conntrack_dccp_timeout_timewait"] = 2 * 2 * Minute,
        // include/net/ipv6_frag.h, IPV6_FRAG_TIMEOUT: fragment reassembly, not table entries
        ["nf_conntrack_frag6_timeout"] = 60,
    };

    public static long? Of(string sysctlName) => Seconds.TryGetValue(sysctlName, out long value) ? value : null;
}
