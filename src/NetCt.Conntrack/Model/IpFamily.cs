namespace NetCt.Conntrack;

/// <summary>The layer-3 family of a conntrack entry, with the kernel's AF_* values.</summary>
public enum IpFamily : byte
{
    /// <summary>AF_UNSPEC: both families (as a filter), or not known.</summary>
    Unspecified = 0,

    /// <summary>AF_INET.</summary>
    IPv4 = 2,

    /// <summary>AF_INET6.</summary>
    IPv6 = 10,
}
