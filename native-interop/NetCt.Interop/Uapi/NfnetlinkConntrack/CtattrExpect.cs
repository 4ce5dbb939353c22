namespace NetCt.Interop;

/// <summary><c>enum ctattr_expect</c>: top-level attributes of an expectation message.</summary>
public enum CtattrExpect : ushort
{
    /// <summary>CTA_EXPECT_UNSPEC.</summary>
    CTA_EXPECT_UNSPEC = 0,

    /// <summary>CTA_EXPECT_MASTER: tuple of the master connection (nested <see cref="CtattrTuple"/>).</summary>
    CTA_EXPECT_MASTER = 1,

    /// <summary>CTA_EXPECT_TUPLE: expected tuple (nested <see cref="CtattrTuple"/>).</summary>
    CTA_EXPECT_TUPLE = 2,

    /// <summary>CTA_EXPECT_MASK: mask of the expected tuple (nested <see cref="CtattrTuple"/>).</summary>
    CTA_EXPECT_MASK = 3,

    /// <summary>CTA_EXPECT_TIMEOUT: seconds until expiry (u32).</summary>
    CTA_EXPECT_TIMEOUT = 4,

    /// <summary>CTA_EXPECT_ID: expectation id (u32).</summary>
    CTA_EXPECT_ID = 5,

    /// <summary>CTA_EXPECT_HELP_NAME: helper name (string).</summary>
    CTA_EXPECT_HELP_NAME = 6,

    /// <summary>CTA_EXPECT_ZONE: zone (u16).</summary>
    CTA_EXPECT_ZONE = 7,

    /// <summary>CTA_EXPECT_FLAGS: flags (u32, <see cref="NfCtExpectFlags"/>).</summary>
    CTA_EXPECT_FLAGS = 8,

    /// <summary>CTA_EXPECT_CLASS: helper expectation class (u32).</summary>
    CTA_EXPECT_CLASS = 9,

    /// <summary>CTA_EXPECT_NAT: NAT for the expected connection (nested <see cref="CtattrExpectNat"/>).</summary>
    CTA_EXPECT_NAT = 10,

    /// <summary>CTA_EXPECT_FN: expectation callback name (string).</summary>
    CTA_EXPECT_FN = 11,
}
