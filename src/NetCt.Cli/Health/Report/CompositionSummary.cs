using System.Net;
using NetCt.Conntrack;

namespace NetCt.Cli.Health;

/// <summary>What fills the table, from one dump: the part of <see cref="FlowComposition"/> a report shows.</summary>
internal sealed record CompositionSummary(
    long Entries,
    long Unreplied,
    long Assured,
    IReadOnlyList<KeyValuePair<ProtocolStateKey, long>> ByProtocolState,
    IReadOnlyList<KeyValuePair<ushort, long>> ByZone,
    TopList<IPAddress> Sources,
    TopList<IPAddress> Destinations,
    TopList<ProtocolPortKey> DestinationPorts)
{
    /// <summary>Entries with a reply that are not (yet) assured.</summary>
    public long RepliedNotAssured => Math.Max(0, Entries - Unreplied - Assured);

    public static CompositionSummary Of(FlowComposition composition, int top) => new(
        composition.Entries,
        composition.Unreplied,
        composition.Assured,
        [.. composition.ByProtocolState.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.Protocol).ThenBy(pair => pair.Key.State)],
        [.. composition.ByZone.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key)],
        TopList<IPAddress>.Of(composition.Sources, top),
        TopList<IPAddress>.Of(composition.Destinations, top),
        TopList<ProtocolPortKey>.Of(composition.DestinationPorts, top));
}
