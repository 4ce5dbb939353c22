namespace NetCt.Cli.Health;

/// <summary>A timeout in force beside the kernel's default for it.</summary>
/// <param name="Name">The sysctl file name, e.g. nf_conntrack_tcp_timeout_established.</param>
/// <param name="SysctlSeconds">The sysctl's value, or null where it could not be read.</param>
/// <param name="CttimeoutSeconds">The same timeout from cttimeout's default-get, or null where that was refused.</param>
/// <param name="DefaultSeconds">The kernel's default, or null for a sysctl netct has no default for.</param>
internal sealed record TimeoutSetting(string Name, long? SysctlSeconds, long? CttimeoutSeconds, long? DefaultSeconds)
{
    /// <summary>The value in force: cttimeout's and the sysctl's are the same kernel variable; either will do.</summary>
    public long Seconds => CttimeoutSeconds ?? SysctlSeconds ?? 0;

    public bool Changed => DefaultSeconds is long defaultSeconds && defaultSeconds != Seconds;
}
