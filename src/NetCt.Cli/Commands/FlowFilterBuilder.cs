using NetCt.Cli.Arguments;
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
            Original = entry.Original,
            Reply = entry.Reply,
            OriginalSourceMask = options.HasFlag(CommandOptions.MaskSource) ? command.Mask.Original?.Source : null,
            OriginalDestinationMask = options.HasFlag(CommandOptions.MaskDestination) ? command.Mask.Original?.Destination : null,
            Zone = entry.Zone,
            Secmark = entry.Secmark,
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

    private static NatFilter NatFilterOf(NatRange? range) => new() { Address = range?.MinAddress, Port = range?.MinPort };
}
