namespace NetCt.Conntrack;

/// <summary>CTA_EXPECT_FLAGS bits (NF_CT_EXPECT_*).</summary>
[Flags]
public enum ExpectationFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>NF_CT_EXPECT_PERMANENT: the expectation stays after a connection matched it.</summary>
    Permanent = 0x1,

    /// <summary>NF_CT_EXPECT_INACTIVE: the expectation matches nothing until activated.</summary>
    Inactive = 0x2,

    /// <summary>NF_CT_EXPECT_USERSPACE: created from userspace for a master without helper (set by the kernel only).</summary>
    Userspace = 0x4,
}
