namespace NetCt.Cli.Health;

/// <summary>A timeout sysctl in force beside the kernel's default for it.</summary>
/// <param name="Name">The sysctl file name, e.g. nf_conntrack_tcp_timeout_established.</param>
/// <param name="Seconds">Its value.</param>
/// <param name="DefaultSeconds">The kernel's default, or null for a sysctl netct has no default for.</param>
internal sealed record TimeoutSetting(string Name, long Seconds, long? DefaultSeconds)
{
    public bool Changed => DefaultSeconds is long defaultSeconds && defaultSeconds != Seconds;
}
