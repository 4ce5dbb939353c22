namespace NetCt.Conntrack;

/// <summary>
/// An entry of the expectation table: a connection a helper (FTP, TFTP, SIP, ...) expects because
/// of what it read in its master connection, matched as <see cref="Tuple"/> under <see cref="Mask"/>.
/// Every field is nullable so that "not sent" differs from zero, in entries read from the kernel and
/// in requests alike.
/// </summary>
public sealed class Expectation
{
    /// <summary>The layer-3 family (nfgenmsg.nfgen_family).</summary>
    public IpFamily Family { get; set; }

    /// <summary>CTA_EXPECT_MASTER: the original tuple of the connection that created the expectation.</summary>
    public FlowTuple? Master { get; set; }

    /// <summary>CTA_EXPECT_TUPLE: the expected connection's original tuple.</summary>
    public FlowTuple? Tuple { get; set; }

    /// <summary>
    /// CTA_EXPECT_MASK: which bits of <see cref="Tuple"/> must match. The kernel keeps a mask for the
    /// source address and port only and reports the destination as all ones.
    /// </summary>
    public FlowTuple? Mask { get; set; }

    /// <summary>CTA_EXPECT_TIMEOUT: seconds left. Ignored by the kernel on creation when the master has a helper (the helper's policy decides).</summary>
    public uint? Timeout { get; set; }

    /// <summary>CTA_EXPECT_ID: the kernel's identifier of the expectation.</summary>
    public uint? Id { get; set; }

    /// <summary>CTA_EXPECT_HELP_NAME: the helper that created it (e.g. "ftp").</summary>
    public string? Helper { get; set; }

    /// <summary>CTA_EXPECT_ZONE: the conntrack zone, in requests (dumps do not carry it).</summary>
    public ushort? Zone { get; set; }

    /// <summary>CTA_EXPECT_FLAGS.</summary>
    public ExpectationFlags? Flags { get; set; }

    /// <summary>CTA_EXPECT_CLASS: the helper's expectation class (its policy index).</summary>
    public uint? Class { get; set; }

    /// <summary>CTA_EXPECT_NAT: where the expected connection is to be NATed, for helpers behind NAT.</summary>
    public ExpectationNat? Nat { get; set; }

    /// <summary>CTA_EXPECT_FN: the name of the function run when the expected connection arrives (e.g. "nat-follow-master").</summary>
    public string? Function { get; set; }
}
