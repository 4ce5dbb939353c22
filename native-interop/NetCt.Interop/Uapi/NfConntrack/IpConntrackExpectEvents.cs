namespace NetCt.Interop;

/// <summary><c>enum ip_conntrack_expect_events</c> (<c>linux/netfilter/nf_conntrack_common.h</c>): expectation event bit numbers.</summary>
public enum IpConntrackExpectEvents
{
    /// <summary>IPEXP_NEW: new expectation.</summary>
    IPEXP_NEW = 0,

    /// <summary>IPEXP_DESTROY: destroyed expectation.</summary>
    IPEXP_DESTROY = 1,
}
