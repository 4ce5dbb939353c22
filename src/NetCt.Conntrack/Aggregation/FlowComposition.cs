using System.Net;
using System.Runtime.InteropServices;
using NetCt.Interop;

namespace NetCt.Conntrack;

/// <summary>
/// What a table is made of, counted while its entries stream past (feed it
/// <see cref="ConntrackClient.Dump"/> one entry at a time): entries by protocol and state, by zone,
/// by reply status, and the most frequent sources, destinations and destination ports of the
/// original direction. No entry is kept: memory is bounded by the number of protocol/state pairs
/// and zones (both small) and by the capacity of the three <see cref="TopKeyCounter{TKey}"/>.
/// </summary>
public sealed class FlowComposition
{
    /// <summary>The keys each top-key counter holds unless the constructor is told otherwise.</summary>
    public const int DefaultTopCapacity = 4096;

    private readonly Dictionary<ProtocolStateKey, long> _byProtocolState = [];
    private readonly Dictionary<ushort, long> _byZone = [];

    /// <summary>Creates an empty composition.</summary>
    /// <param name="topCapacity">The keys held by each of <see cref="Sources"/>, <see cref="Destinations"/> and <see cref="DestinationPorts"/>.</param>
    public FlowComposition(int topCapacity = DefaultTopCapacity)
    {
        Sources = new TopKeyCounter<IPAddress>(topCapacity);
        Destinations = new TopKeyCounter<IPAddress>(topCapacity);
        DestinationPorts = new TopKeyCounter<ProtocolPortKey>(topCapacity);
    }

    /// <summary>The number of entries added.</summary>
    public long Entries { get; private set; }

    /// <summary>Entries without IPS_SEEN_REPLY: nothing came back (what conntrack prints as [UNREPLIED]).</summary>
    public long Unreplied { get; private set; }

    /// <summary>Entries with IPS_ASSURED: the kernel will not evict them early when the table is full.</summary>
    public long Assured { get; private set; }

    /// <summary>Entries by protocol and state.</summary>
    public IReadOnlyDictionary<ProtocolStateKey, long> ByProtocolState => _byProtocolState;

    /// <summary>Entries by zone (no zone counts as zone 0).</summary>
    public IReadOnlyDictionary<ushort, long> ByZone => _byZone;

    /// <summary>Sources of the original direction.</summary>
    public TopKeyCounter<IPAddress> Sources { get; }

    /// <summary>Destinations of the original direction.</summary>
    public TopKeyCounter<IPAddress> Destinations { get; }

    /// <summary>Destination ports of the original direction, for the protocols that have ports.</summary>
    public TopKeyCounter<ProtocolPortKey> DestinationPorts { get; }

    /// <summary>Counts one entry.</summary>
    /// <param name="flow">An entry as the kernel reported it.</param>
    public void Add(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Entries++;
        FlowStatus status = flow.Status ?? FlowStatus.None;
        if ((status & FlowStatus.SeenReply) == 0)
        {
            Unreplied++;
        }

        if ((status & FlowStatus.Assured) != 0)
        {
            Assured++;
        }

        byte protocol = flow.Protocol ?? 0;
        CollectionsMarshal.GetValueRefOrAddDefault(_byProtocolState, new ProtocolStateKey(protocol, StateOf(flow)), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(_byZone, flow.Zone ?? 0, out _)++;
        if (flow.Original is not { } original)
        {
            return;
        }

        if (original.Source is { } source)
        {
            Sources.Add(source);
        }

        if (original.Destination is { } destination)
        {
            Destinations.Add(destination);
        }

        if (HasPorts(protocol) && original.DestinationPort is ushort port)
        {
            DestinationPorts.Add(new ProtocolPortKey(protocol, port));
        }
    }

    private static byte? StateOf(Flow flow) =>
        flow.Tcp?.State is { } tcp ? (byte)tcp
        : flow.Sctp?.State is { } sctp ? (byte)sctp
        : flow.Dccp?.State is { } dccp ? (byte)dccp
        : null;

    // GRE's "ports" are keys, ICMP's are ids: neither says which service an entry is for.
    private static bool HasPorts(byte protocol) => protocol is IpProtocols.IPPROTO_TCP or IpProtocols.IPPROTO_UDP
        or IpProtocols.IPPROTO_UDPLITE or IpProtocols.IPPROTO_SCTP or IpProtocols.IPPROTO_DCCP;
}
