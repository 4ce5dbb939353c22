namespace NetCt.Conntrack;

/// <summary>CTA_EXPECT_NAT: the address and port the expected connection is NATed to, and in which direction.</summary>
/// <param name="Direction">CTA_EXPECT_NAT_DIR: 0 for the original direction (IP_CT_DIR_ORIGINAL), 1 for the reply.</param>
/// <param name="Tuple">CTA_EXPECT_NAT_TUPLE: the saved address and port.</param>
public sealed record ExpectationNat(uint? Direction, FlowTuple? Tuple);
