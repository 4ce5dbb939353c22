using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Writes the CTA_EXPECT_* attributes of expectation requests from an <see cref="Expectation"/>; null fields are not sent.</summary>
internal static class ExpectationEncoder
{
    /// <summary>The nfgenmsg family for a request about <paramref name="expectation"/>: its own, else its tuples' addresses'.</summary>
    public static IpFamily FamilyOf(Expectation expectation)
    {
        if (expectation.Family != IpFamily.Unspecified)
        {
            return expectation.Family;
        }

        IpFamily family = expectation.Tuple?.Family ?? IpFamily.Unspecified;
        return family != IpFamily.Unspecified ? family : expectation.Master?.Family ?? IpFamily.Unspecified;
    }

    /// <summary>IPCTNL_MSG_EXP_NEW: expected tuple, master, mask, then the optional fields, in conntrack's attribute order.</summary>
    public static void WriteNew(NetlinkWriter writer, Expectation expectation)
    {
        if (expectation.Tuple is { } tuple)
        {
            TupleEncoder.Write(writer, CtattrExpect.CTA_EXPECT_TUPLE, tuple);
        }

        if (expectation.Master is { } master)
        {
            TupleEncoder.Write(writer, CtattrExpect.CTA_EXPECT_MASTER, master);
        }

        if (expectation.Mask is { } mask)
        {
            TupleEncoder.Write(writer, CtattrExpect.CTA_EXPECT_MASK, mask);
        }

        if (expectation.Timeout is uint timeout)
        {
            writer.PutUInt32BigEndian((ushort)CtattrExpect.CTA_EXPECT_TIMEOUT, timeout);
        }

        WriteZone(writer, expectation);
        if (expectation.Flags is { } flags)
        {
            writer.PutUInt32BigEndian((ushort)CtattrExpect.CTA_EXPECT_FLAGS, (uint)flags);
        }

        if (expectation.Class is uint expectationClass)
        {
            writer.PutUInt32BigEndian((ushort)CtattrExpect.CTA_EXPECT_CLASS, expectationClass);
        }

        if (expectation.Helper is { } helper)
        {
            writer.PutString((ushort)CtattrExpect.CTA_EXPECT_HELP_NAME, helper);
        }

        if (expectation.Nat is { } nat)
        {
            WriteNat(writer, nat);
        }

        if (expectation.Function is { } function)
        {
            writer.PutString((ushort)CtattrExpect.CTA_EXPECT_FN, function);
        }
    }

    /// <summary>
    /// IPCTNL_MSG_EXP_GET and IPCTNL_MSG_EXP_DELETE of one expectation: its expected tuple (the
    /// kernel finds it under the expectation's mask), the zone, and the id when set.
    /// </summary>
    public static void WriteLookup(NetlinkWriter writer, Expectation expectation)
    {
        TupleEncoder.Write(writer, CtattrExpect.CTA_EXPECT_TUPLE, expectation.Tuple ?? throw new ArgumentException("the expectation has no expected tuple", nameof(expectation)));
        WriteZone(writer, expectation);
        if (expectation.Id is uint id)
        {
            writer.PutUInt32BigEndian((ushort)CtattrExpect.CTA_EXPECT_ID, id);
        }
    }

    private static void WriteZone(NetlinkWriter writer, Expectation expectation)
    {
        if (expectation.Zone is ushort zone)
        {
            writer.PutUInt16BigEndian((ushort)CtattrExpect.CTA_EXPECT_ZONE, zone);
        }
    }

    private static void WriteNat(NetlinkWriter writer, ExpectationNat nat)
    {
        using (writer.BeginNested((ushort)CtattrExpect.CTA_EXPECT_NAT))
        {
            if (nat.Direction is uint direction)
            {
                writer.PutUInt32BigEndian((ushort)CtattrExpectNat.CTA_EXPECT_NAT_DIR, direction);
            }

            if (nat.Tuple is { } tuple)
            {
                TupleEncoder.Write(writer, (ushort)CtattrExpectNat.CTA_EXPECT_NAT_TUPLE, tuple);
            }
        }
    }
}
