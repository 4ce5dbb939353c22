namespace NetCt.Interop;

/// <summary>Expectation flags (<c>NF_CT_EXPECT_*</c> in <c>linux/netfilter/nf_conntrack_common.h</c>), carried in CTA_EXPECT_FLAGS.</summary>
[Flags]
public enum NfCtExpectFlags : uint
{
    /// <summary>NF_CT_EXPECT_PERMANENT: survives being matched.</summary>
    NF_CT_EXPECT_PERMANENT = 0x1,

    /// <summary>NF_CT_EXPECT_INACTIVE: not yet active.</summary>
    NF_CT_EXPECT_INACTIVE = 0x2,

    /// <summary>NF_CT_EXPECT_USERSPACE: created from userspace.</summary>
    NF_CT_EXPECT_USERSPACE = 0x4,
}
