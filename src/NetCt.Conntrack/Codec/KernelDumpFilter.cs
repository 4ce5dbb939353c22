using System.Net;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// The part of a <see cref="FlowFilter"/> that a dump request can hand to the kernel. Every kernel
/// filter is a superset of the userspace <see cref="FlowFilter.Matches(Flow)"/>, which is applied to
/// every entry anyway, so a kernel that ignores an attribute only costs bandwidth, never
/// correctness. Kernels before the feature's version ignore its attributes (nfnetlink parses
/// liberally); the ones that reject a filter answer EINVAL or EOPNOTSUPP, and the client retries
/// without the newest feature.
/// </summary>
internal static class KernelDumpFilter
{
    /// <summary>The nfgenmsg family: the filter's, else the one its addresses imply (entries of the other cannot match).</summary>
    public static IpFamily FamilyOf(FlowFilter? filter)
    {
        if (filter is null)
        {
            return IpFamily.Unspecified;
        }

        if (filter.Family != IpFamily.Unspecified)
        {
            return filter.Family;
        }

        IpFamily family = filter.Original?.Family ?? IpFamily.Unspecified;
        return family != IpFamily.Unspecified ? family : filter.Reply?.Family ?? IpFamily.Unspecified;
    }

    /// <summary>The kernel features that would carry part of <paramref name="filter"/>.</summary>
    public static KernelFilterFeatures Applicable(FlowFilter? filter)
    {
        if (filter is null)
        {
            return KernelFilterFeatures.None;
        }

        var features = KernelFilterFeatures.None;
        if (filter.Mark is not null)
        {
            features |= KernelFilterFeatures.Mark;
        }

        // The kernel parses a tuple filter only in an AF_INET or AF_INET6 dump (EOPNOTSUPP otherwise).
        IpFamily family = FamilyOf(filter);
        if (family != IpFamily.Unspecified
            && (TupleFlags(filter.Original, family, filter.OriginalSourceMask, filter.OriginalDestinationMask) != 0
                || TupleFlags(filter.Reply, family, null, null) != 0))
        {
            features |= KernelFilterFeatures.Tuple;
        }

        if (filter.Status is not null && filter.StatusMask != FlowStatus.None)
        {
            features |= KernelFilterFeatures.Status;
        }

        // Zone 0 stays in userspace: an entry zoned in one direction only has no CTA_ZONE (so it
        // matches zone 0 here) while the kernel compares its zone id and would leave it out.
        if (filter.Zone is ushort zone && zone != 0)
        {
            features |= KernelFilterFeatures.Zone;
        }

        return features;
    }

    /// <summary><paramref name="features"/> without its newest feature.</summary>
    public static KernelFilterFeatures WithoutNewest(KernelFilterFeatures features)
    {
        int value = (int)features;
        return value == 0 ? features : (KernelFilterFeatures)(value & ~(1 << (31 - int.LeadingZeroCount(value))));
    }

    /// <summary>Puts the attributes of <paramref name="features"/> for <paramref name="filter"/> into the open dump request.</summary>
    public static void Write(NetlinkWriter writer, FlowFilter filter, KernelFilterFeatures features)
    {
        if ((features & KernelFilterFeatures.Mark) != 0 && filter.Mark is uint mark)
        {
            // Kernels before 5.8 only apply the mark when both attributes are present.
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, mark);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK_MASK, filter.MarkMask);
        }

        if ((features & KernelFilterFeatures.Tuple) != 0)
        {
            WriteTupleFilter(writer, filter);
        }

        if ((features & KernelFilterFeatures.Status) != 0 && filter.Status is FlowStatus status)
        {
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS, (uint)status);
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS_MASK, (uint)filter.StatusMask);
        }

        if ((features & KernelFilterFeatures.Zone) != 0 && filter.Zone is ushort zone)
        {
            writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, zone);
        }
    }

    private static void WriteTupleFilter(NetlinkWriter writer, FlowFilter filter)
    {
        IpFamily family = FamilyOf(filter);
        FlowTuple? original = KernelTuple(filter.Original, family, filter.OriginalSourceMask, filter.OriginalDestinationMask);
        FlowTuple? reply = KernelTuple(filter.Reply, family, null, null);
        if (original is not null)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_ORIG, original);
        }

        if (reply is not null)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_REPLY, reply);
        }

        using (writer.BeginNested((ushort)CtattrType.CTA_FILTER))
        {
            writer.PutUInt32HostEndian((ushort)CtattrFilter.CTA_FILTER_ORIG_FLAGS, (uint)FlagsOf(original));
            writer.PutUInt32HostEndian((ushort)CtattrFilter.CTA_FILTER_REPLY_FLAGS, (uint)FlagsOf(reply));
        }
    }

    private static CtaFilterFlags TupleFlags(FlowTuple? wanted, IpFamily family, IPAddress? sourceMask, IPAddress? destinationMask)
        => FlagsOf(KernelTuple(wanted, family, sourceMask, destinationMask));

    /// <summary>
    /// The fields of <paramref name="wanted"/> the kernel compares exactly as userspace does, or null if none:
    /// IPv4 addresses of an IPv4 dump with no netmask; the protocol; ports, which the kernel only
    /// parses after a protocol number; ICMP fields under ICMP or ICMPv6. Tuple zones stay in
    /// userspace, which tells a per-direction zone from the entry's zone.
    /// </summary>
    private static FlowTuple? KernelTuple(FlowTuple? wanted, IpFamily family, IPAddress? sourceMask, IPAddress? destinationMask)
    {
        if (wanted is null)
        {
            return null;
        }

        var tuple = new FlowTuple
        {
            Source = ExactAddress(wanted.Source, family, sourceMask),
            Destination = ExactAddress(wanted.Destination, family, destinationMask),
            Protocol = wanted.Protocol,
        };
        if (wanted.Protocol is byte protocol)
        {
            tuple.SourcePort = wanted.SourcePort;
            tuple.DestinationPort = wanted.DestinationPort;
            if (protocol is IpProtocols.IPPROTO_ICMP or IpProtocols.IPPROTO_ICMPV6)
            {
                tuple.IcmpType = wanted.IcmpType;
                tuple.IcmpCode = wanted.IcmpCode;
                tuple.IcmpId = wanted.IcmpId;
            }
        }

        return FlagsOf(tuple) == 0 ? null : tuple;
    }

    private static IPAddress? ExactAddress(IPAddress? address, IpFamily family, IPAddress? mask)
    {
        // IPv6 addresses stay in userspace: ctnetlink_filter_match_tuple tests them with
        // `!ipv6_addr_cmp(...)`, which is true when they are equal, so the kernel (5.8 up to at least
        // 6.18) returns every entry except the ones asked for.
        if (address is null || family != IpFamily.IPv4 || AddressFamilyOf(address) != family)
        {
            return null;
        }

        return mask is null || IsHostMask(mask, address) ? address : null;
    }

    private static IpFamily AddressFamilyOf(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;

    private static bool IsHostMask(IPAddress mask, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (mask.AddressFamily != address.AddressFamily || !mask.TryWriteBytes(bytes, out int length))
        {
            return false;
        }

        return !bytes[..length].ContainsAnyExcept((byte)0xff);
    }

    private static CtaFilterFlags FlagsOf(FlowTuple? tuple)
    {
        if (tuple is null)
        {
            return 0;
        }

        bool icmpv6 = tuple.Protocol == IpProtocols.IPPROTO_ICMPV6;
        CtaFilterFlags flags = 0;
        if (tuple.Source is not null)
        {
            flags |= CtaFilterFlags.CTA_FILTER_FLAG_CTA_IP_SRC;
        }

        if (tuple.Destination is not null)
        {
            flags |= CtaFilterFlags.CTA_FILTER_FLAG_CTA_IP_DST;
        }

        if (tuple.Protocol is not null)
        {
            flags |= CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_NUM;
        }

        if (tuple.SourcePort is not null)
        {
            flags |= CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_SRC_PORT;
        }

        if (tuple.DestinationPort is not null)
        {
            flags |= CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_DST_PORT;
        }

        if (tuple.IcmpType is not null)
        {
            flags |= icmpv6 ? CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_TYPE : CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_TYPE;
        }

        if (tuple.IcmpCode is not null)
        {
            flags |= icmpv6 ? CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_CODE : CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_CODE;
        }

        if (tuple.IcmpId is not null)
        {
            flags |= icmpv6 ? CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID : CtaFilterFlags.CTA_FILTER_FLAG_CTA_PROTO_ICMP_ID;
        }

        return flags;
    }
}
