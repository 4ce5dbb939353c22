using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>Turns what conntrack's parser collected for -L, -D, -U or -E into a library <see cref="FlowFilter"/>.</summary>
internal static class FlowFilterBuilder
{
    public static FlowFilter Build(ParsedCommand command)
    {
        var entry = command.Entry;
        var options = command.Options;
        var filter = new FlowFilter
        {
            Family = command.Family,
            Original = ComparedFields(entry.Original),
            Reply = ComparedFields(entry.Reply),
            OriginalSourceMask = options.HasFlag(CommandOptions.MaskSource) ? command.Mask.Original?.Source : null,
            OriginalDestinationMask = options.HasFlag(CommandOptions.MaskDestination) ? command.Mask.Original?.Destination : null,
            Zone = entry.Zone,
            // No Secmark: nfct_cmp does not compare it, so conntrack's -c filters nothing.
            Id = entry.Id,
            TcpState = entry.Tcp?.State,
            SctpState = entry.Sctp?.State,
            DccpState = entry.Dccp?.State,
            Labels = command.LabelFilter,
            AnyNat = options.HasFlag(CommandOptions.AnyNat),
        };
        if (command.Mark is { } mark)
        {
            filter.Mark = mark.Value;
            filter.MarkMask = mark.Mask;
        }
        if (command.Status is { } status)
        {
            filter.Status = status.Value;
            filter.StatusMask = status.Mask;
        }
        if (options.HasFlag(CommandOptions.SourceNat) || filter.AnyNat)
            filter.SourceNat = NatFilterOf(entry.SourceNat);
        if (options.HasFlag(CommandOptions.DestinationNat) || filter.AnyNat)
            filter.DestinationNat = NatFilterOf(entry.DestinationNat);
        return filter;
    }

    // conntrack filters with libnetfilter_conntrack's nfct_cmp, which compares ports only for TCP,
    // UDP, UDPlite, DCCP and SCTP (and hands the kernel no others): GRE keys, kept in the port
    // fields, never narrow a listing.
    private static FlowTuple? ComparedFields(FlowTuple? tuple)
    {
        if (tuple is not { Protocol: byte protocol } || ProtocolNumbers.HasPorts(protocol)
            || (tuple.SourcePort is null && tuple.DestinationPort is null))
            return tuple;
        return new FlowTuple
        {
            Source = tuple.Source,
            Destination = tuple.Destination,
            Protocol = protocol,
            IcmpType = tuple.IcmpType,
            IcmpCode = tuple.IcmpCode,
            IcmpId = tuple.IcmpId,
            Zone = tuple.Zone,
        };
    }

    private static NatFilter NatFilterOf(NatRange? range) => new() { Address = range?.MinAddress, Port = range?.MinPort };
}
