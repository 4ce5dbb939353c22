using System.Net;

namespace NetCt.Conntrack;

/// <summary>
/// The userspace side of <see cref="FlowFilter"/>: decides whether one entry matches, written once
/// for a decoded <see cref="Flow"/> and for an entry read in place (<see cref="FlowView"/>).
/// </summary>
/// <remarks>
/// Addresses are compared as their bytes (<see cref="AddressPattern"/>), and so by family.
/// </remarks>
internal static class FlowFilterEvaluator
{
    private const int AddressBytes = 16;

    public static bool Matches(FlowFilter filter, Flow flow)
    {
        var fields = new FlowFilterFields(flow);
        return Matches<FlowFilterFields, TupleFilterFields>(filter, ref fields);
    }

    public static bool Matches(FlowFilter filter, ref FlowView view) => Matches<FlowView, FlowTupleView>(filter, ref view);

    // By reference: a view is a few hundred bytes, and an `in` parameter of a type parameter would
    // be copied before every member call.
    private static bool Matches<TFlow, TTuple>(FlowFilter filter, scoped ref TFlow flow)
        where TFlow : IFilterableFlow<TTuple>, allows ref struct
        where TTuple : IFilterableTuple, allows ref struct
    {
        if (filter.Family != IpFamily.Unspecified && flow.Family != filter.Family)
            return false;
        ref FilterAddressPatterns patterns = ref filter.Patterns;
        if (filter.Original is { } original
            && !TupleMatches(original, flow.Original, filter.OriginalSourceMask, filter.OriginalDestinationMask, ref patterns.OriginalSource, ref patterns.OriginalDestination))
            return false;
        if (filter.Reply is { } reply && !TupleMatches(reply, flow.Reply, null, null, ref patterns.ReplySource, ref patterns.ReplyDestination))
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
        if (filter.TcpState is TcpState tcp && flow.TcpState != tcp)
            return false;
        if (filter.SctpState is SctpState sctp && flow.SctpState != sctp)
            return false;
        if (filter.DccpState is DccpState dccp && flow.DccpState != dccp)
            return false;
        if (filter.Labels is { } labels && !HasAllLabels(flow.Labels, labels))
            return false;
        return NatMatches<TFlow, TTuple>(filter, ref flow);
    }

    private static bool TupleMatches<TTuple>(
        FlowTuple wanted, TTuple actual, IPAddress? sourceMask, IPAddress? destinationMask,
        ref AddressPattern? sourcePattern, ref AddressPattern? destinationPattern)
        where TTuple : IFilterableTuple, allows ref struct
    {
        if (!actual.IsPresent)
            return false;
        Span<byte> address = stackalloc byte[AddressBytes];
        return (wanted.Source is null || AddressPattern.Of(ref sourcePattern, wanted.Source, sourceMask).Matches(address[..actual.WriteSource(address)]))
            && (wanted.Destination is null
                || AddressPattern.Of(ref destinationPattern, wanted.Destination, destinationMask).Matches(address[..actual.WriteDestination(address)]))
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

    private static bool HasAllLabels(ReadOnlySpan<byte> actual, byte[] wanted)
    {
        for (int i = 0; i < wanted.Length; i++)
        {
            byte have = i < actual.Length ? actual[i] : (byte)0;
            if ((have & wanted[i]) != wanted[i])
                return false;
        }
        return true;
    }

    private static bool NatMatches<TFlow, TTuple>(FlowFilter filter, scoped ref TFlow flow)
        where TFlow : IFilterableFlow<TTuple>, allows ref struct
        where TTuple : IFilterableTuple, allows ref struct
    {
        if (filter.SourceNat is null && filter.DestinationNat is null)
            return true;
        FlowStatus? status = flow.Status;
        TTuple original = flow.Original;
        TTuple reply = flow.Reply;
        ref FilterAddressPatterns patterns = ref filter.Patterns;
        bool source = filter.SourceNat is { } s && NatDirectionMatches(s, status, sourceNat: true, original, reply, ref patterns.SourceNat);
        bool destination = filter.DestinationNat is { } d && NatDirectionMatches(d, status, sourceNat: false, original, reply, ref patterns.DestinationNat);
        if (filter.AnyNat)
            return source || destination;
        return (filter.SourceNat is null || source) && (filter.DestinationNat is null || destination);
    }

    // conntrack's filter_nat, with full address comparison so that IPv6 entries are judged too.
    // Source NAT shows in the reply tuple's destination, which then differs from the original's
    // source; destination NAT in the reply's source, against the original's destination.
    private static bool NatDirectionMatches<TTuple>(
        NatFilter wanted, FlowStatus? status, bool sourceNat, TTuple original, TTuple reply, ref AddressPattern? addressPattern)
        where TTuple : IFilterableTuple, allows ref struct
    {
        // A bit test rather than Enum.HasFlag, which boxes in unoptimised code.
        bool done = status is not FlowStatus known || (known & (sourceNat ? FlowStatus.SourceNatDone : FlowStatus.DestinationNatDone)) != 0;
        Span<byte> before = stackalloc byte[AddressBytes], after = stackalloc byte[AddressBytes];
        before = before[..(sourceNat ? original.WriteSource(before) : original.WriteDestination(before))];
        after = after[..(sourceNat ? reply.WriteDestination(after) : reply.WriteSource(after))];
        ushort? portBefore = sourceNat ? original.SourcePort : original.DestinationPort;
        ushort? portAfter = sourceNat ? reply.DestinationPort : reply.SourcePort;

        bool addressTranslated = done && !before.SequenceEqual(after);
        bool portTranslated = done && portAfter != portBefore;
        bool matched = false;
        if (wanted.Address is { } address)
            matched = addressTranslated && AddressPattern.Of(ref addressPattern, address, mask: null).Matches(after);
        if (wanted.Port is ushort port)
        {
            bool portMatched = portTranslated && portAfter == port;
            matched = wanted.Address is null ? portMatched : matched && portMatched;
        }
        if (wanted.Address is null && wanted.Port is null)
            matched = addressTranslated || portTranslated;
        return matched;
    }
}
