using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// Which parts of a <see cref="FlowFilter"/> go to the kernel: only those it evaluates exactly as
/// <see cref="FlowFilter.Matches"/> does (or more loosely), each tagged with the kernel feature it needs.
/// </summary>
public sealed class KernelDumpFilterTests
{
    [Fact]
    public void NoFilterNeedsNoKernelFeature()
    {
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(null));
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(new FlowFilter { Secmark = 1, TcpState = TcpState.Established }));
    }

    [Fact]
    public void EachCriterionMapsToItsFeature()
    {
        var filter = new FlowFilter
        {
            Family = IpFamily.IPv4,
            Mark = 1,
            Status = FlowStatus.Assured,
            StatusMask = FlowStatus.Assured,
            Zone = 3,
            Original = new FlowTuple { Protocol = 6 },
        };

        Assert.Equal(
            KernelFilterFeatures.Mark | KernelFilterFeatures.Tuple | KernelFilterFeatures.Status | KernelFilterFeatures.Zone,
            KernelDumpFilter.Applicable(filter));
    }

    [Fact]
    public void StatusWithoutAMaskAndZoneZeroStayInUserspace()
    {
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(new FlowFilter { Status = FlowStatus.Assured }));
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(new FlowFilter { Zone = 0 }));
    }

    [Fact]
    public void FeaturesAreDroppedNewestFirst()
    {
        var all = KernelFilterFeatures.Mark | KernelFilterFeatures.Tuple | KernelFilterFeatures.Status | KernelFilterFeatures.Zone;

        Assert.Equal(KernelFilterFeatures.Mark | KernelFilterFeatures.Tuple | KernelFilterFeatures.Status, KernelDumpFilter.WithoutNewest(all));
        Assert.Equal(KernelFilterFeatures.Mark, KernelDumpFilter.WithoutNewest(KernelFilterFeatures.Mark | KernelFilterFeatures.Zone));
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.WithoutNewest(KernelFilterFeatures.Mark));
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.WithoutNewest(KernelFilterFeatures.None));
    }

    [Fact]
    public void TupleFilterNeedsAFamily()
    {
        // The kernel refuses a tuple filter in an AF_UNSPEC dump (EOPNOTSUPP on 6.18).
        var filter = new FlowFilter { Original = new FlowTuple { Protocol = 17, DestinationPort = 53 } };

        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(filter));

        filter.Family = IpFamily.IPv6;
        Assert.Equal(KernelFilterFeatures.Tuple, KernelDumpFilter.Applicable(filter));
    }

    [Fact]
    public void FamilyIsImpliedByTheAddresses()
    {
        Assert.Equal(IpFamily.IPv6, KernelDumpFilter.FamilyOf(new FlowFilter { Reply = new FlowTuple { Source = IPAddress.Parse("2001:db8::1") } }));
        Assert.Equal(IpFamily.IPv4, KernelDumpFilter.FamilyOf(new FlowFilter { Family = IpFamily.IPv4 }));
        Assert.Equal(IpFamily.Unspecified, KernelDumpFilter.FamilyOf(new FlowFilter { Mark = 1 }));
    }

    [Fact]
    public void NetmaskedAddressesStayInUserspace()
    {
        var filter = new FlowFilter
        {
            Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.0"), Destination = IPAddress.Parse("198.51.100.7") },
            OriginalSourceMask = IPAddress.Parse("255.255.255.0"),
            OriginalDestinationMask = IPAddress.Parse("255.255.255.255"),
        };

        Assert.Equal((CtaFilterFlags.CTA_FILTER_FLAG_CTA_IP_DST, (CtaFilterFlags)0), WrittenFlags(filter));
    }

    [Fact]
    public void PortsNeedAProtocolAndIcmpFieldsAnIcmpProtocol()
    {
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(new FlowFilter
        {
            Family = IpFamily.IPv4,
            Original = new FlowTuple { SourcePort = 1, IcmpType = 8 },
        }));

        var udp = new FlowFilter { Family = IpFamily.IPv4, Original = new FlowTuple { Protocol = 17, SourcePort = 1, IcmpType = 8, Zone = 4 } };
        Assert.Equal(
            (CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_NUM | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_SRC_PORT, (CtaFilterFlags)0),
            WrittenFlags(udp));
    }

    [Fact]
    public void IcmpAndIcmpv6UseTheirOwnFlags()
    {
        var icmp = new FlowFilter { Family = IpFamily.IPv4, Reply = new FlowTuple { Protocol = 1, IcmpType = 0, IcmpCode = 0, IcmpId = 7 } };
        var icmpv6 = new FlowFilter { Family = IpFamily.IPv6, Reply = new FlowTuple { Protocol = 58, IcmpType = 129, IcmpCode = 0, IcmpId = 7 } };

        Assert.Equal(
            ((CtaFilterFlags)0, CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_NUM | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_TYPE
                | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_CODE | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_ID),
            WrittenFlags(icmp));
        Assert.Equal(
            ((CtaFilterFlags)0, CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_NUM | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_TYPE
                | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_CODE | CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID),
            WrittenFlags(icmpv6));
    }

    [Fact]
    public void ReplyTupleFilterBytesLeaveAnIpv6AddressToUserspace()
    {
        // The kernel's IPv6 address test is inverted (it returns every entry but the ones asked for),
        // so only the protocol fields of an IPv6 tuple go to the kernel.
        var filter = new FlowFilter { Family = IpFamily.IPv6, Reply = new FlowTuple { Destination = IPAddress.Parse("2001:db8::1"), Protocol = 58, IcmpType = 129 } };

        byte[] written = Write(filter, KernelFilterFeatures.Tuple);

        FakeKernel.AssertRequest("""
            40000000 01010103 00000000 00000000   // nlmsghdr: len 64, IPCTNL_MSG_CT_GET dump
            0a000000                              // nfgenmsg: AF_INET6
            18000280                              // CTA_TUPLE_REPLY
              14000280                            //   CTA_TUPLE_PROTO
                05000100 3a000000                 //     CTA_PROTO_NUM 58
                05000800 81000000                 //     CTA_PROTO_ICMPV6_TYPE 129
            14001980                              // CTA_FILTER
              08000100 00000000                   //   CTA_FILTER_ORIG_FLAGS 0
              08000200 08020000                   //   CTA_FILTER_REPLY_FLAGS PROTO_NUM | ICMPV6_TYPE, host-endian
            """, written);
    }

    [Fact]
    public void OnlyIpv4AddressesGoToTheKernel()
    {
        var ipv4 = new FlowFilter { Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("192.0.2.2") } };
        var ipv6 = new FlowFilter { Original = new FlowTuple { Source = IPAddress.Parse("2001:db8::1"), Destination = IPAddress.Parse("2001:db8::2") } };

        Assert.Equal(
            (CtaFilterFlags.CTA_FILTER_FLAG_CTA_IP_SRC | CtaFilterFlags.CTA_FILTER_FLAG_CTA_IP_DST, (CtaFilterFlags)0),
            WrittenFlags(ipv4));
        Assert.Equal(KernelFilterFeatures.None, KernelDumpFilter.Applicable(ipv6));
    }

    [Fact]
    public void OnlyTheGivenFeaturesAreWritten()
    {
        var filter = new FlowFilter { Mark = 1, Zone = 2, Status = FlowStatus.Assured, StatusMask = FlowStatus.Assured };

        byte[] written = Write(filter, KernelFilterFeatures.Zone);

        FakeKernel.AssertRequest("""
            1c000000 01010103 00000000 00000000   // nlmsghdr: len 28
            00000000                              // nfgenmsg: AF_UNSPEC
            06001200 00020000                     // CTA_ZONE 2
            """, written);
    }

    private static byte[] Write(FlowFilter filter, KernelFilterFeatures features)
    {
        using var writer = new NetlinkWriter();
        writer.BeginNfMessage(Requests.CtGet, Requests.RequestDump, 1, (byte)KernelDumpFilter.FamilyOf(filter));
        KernelDumpFilter.Write(writer, filter, features);
        writer.EndMessage();
        return writer.WrittenSpan.ToArray();
    }

    private static (CtaFilterFlags Original, CtaFilterFlags Reply) WrittenFlags(FlowFilter filter)
    {
        byte[] written = Write(filter, KernelDumpFilter.Applicable(filter));
        AttributeReader reader = new NetlinkMessage(written).GetNfAttributes();
        CtaFilterFlags original = 0, reply = 0;
        while (reader.Next())
        {
            if (reader.Type != (ushort)CtattrType.CTA_FILTER)
            {
                continue;
            }

            AttributeReader flags = reader.GetNested();
            while (flags.Next())
            {
                if (flags.Type == (ushort)CtattrFilter.CTA_FILTER_ORIG_FLAGS)
                {
                    original = (CtaFilterFlags)flags.GetUInt32HostEndian();
                }
                else
                {
                    reply = (CtaFilterFlags)flags.GetUInt32HostEndian();
                }
            }
        }

        return (original, reply);
    }
}
