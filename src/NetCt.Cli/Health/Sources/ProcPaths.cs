namespace NetCt.Cli.Health;

/// <summary>The /proc files behind <c>netct health</c> (the namespace's own, except slabinfo, buckets and max, which are global).</summary>
internal static class ProcPaths
{
    public const string Netfilter = "/proc/sys/net/netfilter";
    public const string Count = Netfilter + "/nf_conntrack_count";
    public const string Max = Netfilter + "/nf_conntrack_max";
    public const string Buckets = Netfilter + "/nf_conntrack_buckets";
    public const string ExpectMax = Netfilter + "/nf_conntrack_expect_max";
    public const string Accounting = Netfilter + "/nf_conntrack_acct";
    public const string Timestamps = Netfilter + "/nf_conntrack_timestamp";
    public const string TimeoutPattern = "nf_conntrack_*timeout*";
    public const string CpuStatistics = "/proc/net/stat/nf_conntrack";
}
