using System.Net;

namespace NetCt.Conntrack;

/// <summary>The userspace side of <see cref="FlowFilter"/>: decides whether one decoded entry matches.</summary>
internal static class FlowFilterEvaluator
{
    public static bool Matches(FlowFilter filter, Flow flow)
    {
        if (filter.Family != IpFamily.Unspecified && flow.Family != filter.Family)
            return false;
        if (!TupleMatches(filter.Original, flow.Original, filter.OriginalSourceMask, filter.OriginalDestinationMask))
            return false;
        if (!TupleMatches(filter.Reply, flow.Reply, null, null))
            return false;
        // The kernel leaves out a zero mark (events) and the default zone, so absent means 0 here;
        // conntrack treats absent as "no match", which makes `-E -m 0` miss DESTROY events.
        if (filter.Mark is uint mark && ((flow.Mark ?? 0) & filter.MarkMask) != mark)
            return false;
        if (filter.Status is FlowStatus status && ((flow.Status ?? FlowStatus.None) & filter.StatusMask) != status)
            return false;
        if (filter.Zone is ushort zone && (flow.Zone ?? 0) != zone)
            return false;
        if (filter.Secmark is uint secmark && flow.Secmark != secmark)
            return false;
        if (filter.Id is uint id && flow.Id != id)
            return false;
        if (filter.TcpState is TcpState tcp && flow.Tcp?.State != tcp)
            return false;
        if (filter.SctpState is SctpState sctp && flow.Sctp?.State != sctp)
            return false;
        if (filter.DccpState is DccpState dccp && flow.Dccp?.State != dccp)
            return false;
        if (filter.Labels is { } labels && !HasAllLabels(flow.Labels, labels))
            return false;
        return NatMatches(filter, flow);
    }

    private static bool TupleMatches(FlowTuple? wanted, FlowTuple? actual, IPAddress? sourceMask, IPAddress? destinationMask)
    {
        if (wanted is null)
            return true;
        if (actual is null)
            return false;
        return AddressMatches(wanted.Source, actual.Source, sourceMask)
            && AddressMatches(wanted.Destination, actual.Destination, destinationMask)
            && FieldMatches(wanted.Protocol, actual.Protocol)
            && FieldMatches(wanted.SourcePort, actual.SourcePort)
            && FieldMatches(wanted.DestinationPort, actual.DestinationPort)
            && FieldMatches(wanted.IcmpType, actual.IcmpType)
            && FieldMatches(wanted.IcmpCode, actual.IcmpCode)
            && FieldMatches(wanted.IcmpId, actual.IcmpId)
            // The kernel sends CTA_TUPLE_ZONE only for a zone of one direction; conntrack compares an
            // absent one as 0, so --orig-zone 0 matches entries zoned with -w in both directions.
            && (wanted.Zone is not ushort zone || (actual.Zone ?? 0) == zone);
    }

    private static bool FieldMatches<T>(T? wanted, T? actual) where T : struct, IEquatable<T>
        => wanted is not T w || (actual is T a && a.Equals(w));

    private static bool AddressMatches(IPAddress? wanted, IPAddress? actual, IPAddress? mask)
    {
        if (wanted is null)
            return true;
        if (actual is null || actual.AddressFamily != wanted.AddressFamily)
            return false;
        if (mask is null)
            return wanted.Equals(actual);

        Span<byte> w = stackalloc byte[16], a = stackalloc byte[16], m = stackalloc byte[16];
        wanted.TryWriteBytes(w, out int length);
        actual.TryWriteBytes(a, out _);
        if (!mask.TryWriteBytes(m, out int maskLength) || maskLength != length)
            return false;
        for (int i = 0; i < length; i++)
        {
            if ((w[i] & m[i]) != (a[i] & m[i]))
                return false;
        }
        return true;
    }

    private static bool HasAllLabels(byte[]? actual, byte[] wanted)
    {
        for (int i = 0; i < wanted.Length; i++)
        {
            byte have = actual is not null && i < actual.Length ? actual[i] : (byte)0;
            if ((have & wanted[i]) != wanted[i])
                return false;
        }
        return true;
    }

    private static bool NatMatches(FlowFilter filter, Flow flow)
    {
        if (filter.SourceNat is null && filter.DestinationNat is null)
            return true;
        bool source = filter.SourceNat is { } s && NatDirectionMatches(s, NatView.Source(flow));
        bool destination = filter.DestinationNat is { } d && NatDirectionMatches(d, NatView.Destination(flow));
        if (filter.AnyNat)
            return source || destination;
        return (filter.SourceNat is null || source) && (filter.DestinationNat is null || destination);
    }

    // conntrack's filter_nat, with full address comparison so that IPv6 entries are judged too.
    private static bool NatDirectionMatches(NatFilter wanted, NatView view)
    {
        bool matched = false;
        if (wanted.Address is { } address)
            matched = view.AddressTranslated && address.Equals(view.TranslatedAddress);
        if (wanted.Port is ushort port)
        {
            bool portMatched = view.PortTranslated && view.TranslatedPort == port;
            matched = wanted.Address is null ? portMatched : matched && portMatched;
        }
        if (wanted.Address is null && wanted.Port is null)
            matched = view.AddressTranslated || view.PortTranslated;
        return matched;
    }

    /// <summary>How one NAT direction shows in an entry: the reply tuple differs from the original.</summary>
    private readonly record struct NatView(bool AddressTranslated, IPAddress? TranslatedAddress, bool PortTranslated, ushort? TranslatedPort)
    {
        public static NatView Source(Flow flow)
        {
            bool done = flow.Status is not FlowStatus status || status.HasFlag(FlowStatus.SourceNatDone);
            var original = flow.Original;
            var reply = flow.Reply;
            return new NatView(
                done && !Equals(reply?.Destination, original?.Source),
                reply?.Destination,
                done && reply?.DestinationPort != original?.SourcePort,
                reply?.DestinationPort);
        }

        public static NatView Destination(Flow flow)
        {
            bool done = flow.Status is not FlowStatus status || status.HasFlag(FlowStatus.DestinationNatDone);
            var original = flow.Original;
            var reply = flow.Reply;
            return new NatView(
                done && !Equals(reply?.Source, original?.Destination),
                reply?.Source,
                done && reply?.SourcePort != original?.DestinationPort,
                reply?.SourcePort);
        }
    }
}
