namespace NetCt.Interop;

/// <summary><c>enum ctattr_expect_nat</c>: members of a CTA_EXPECT_NAT nest.</summary>
public enum CtattrExpectNat : ushort
{
    /// <summary>CTA_EXPECT_NAT_UNSPEC.</summary>
    CTA_EXPECT_NAT_UNSPEC = 0,

    /// <summary>CTA_EXPECT_NAT_DIR: direction (u32, <see cref="IpConntrackDir"/>).</summary>
    CTA_EXPECT_NAT_DIR = 1,

    /// <summary>CTA_EXPECT_NAT_TUPLE: NAT tuple (nested <see cref="CtattrTuple"/>).</summary>
    CTA_EXPECT_NAT_TUPLE = 2,
}
