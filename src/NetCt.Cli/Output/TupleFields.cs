using System.Runtime.CompilerServices;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>Which tuple of an entry.</summary>
internal enum TupleSide
{
    Original,
    Reply,
}

/// <summary>
/// A tuple's numbers as a plain line prints them (<see cref="NetCt.Conntrack.FlowTuple"/>'s, without
/// the addresses): a number the kernel did not send is 0, as in the C library's zeroed struct, and
/// only the zone keeps its absence. Small enough (16 bytes) to be returned in registers.
/// </summary>
/// <remarks>
/// Not a record: its synthesized equality, never used, would cost every start of netct (one static
/// base per comparer type it instantiates).
/// </remarks>
internal readonly struct TupleFields(
    bool isPresent, byte protocol, ushort sourcePort, ushort destinationPort, byte icmpType, byte icmpCode, ushort icmpId, ushort? zone)
{
    public bool IsPresent { get; } = isPresent;

    public byte Protocol { get; } = protocol;

    public ushort SourcePort { get; } = sourcePort;

    public ushort DestinationPort { get; } = destinationPort;

    public byte IcmpType { get; } = icmpType;

    public byte IcmpCode { get; } = icmpCode;

    public ushort IcmpId { get; } = icmpId;

    public ushort? Zone { get; } = zone;

    /// <summary>The numbers of a tuple the kernel sent; each one it left out is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per tuple of every listed entry
    public static TupleFields Sent(
        byte? protocol, ushort? sourcePort, ushort? destinationPort, byte? icmpType, byte? icmpCode, ushort? icmpId, ushort? zone) =>
        new(true, protocol ?? 0, sourcePort ?? 0, destinationPort ?? 0, icmpType ?? 0, icmpCode ?? 0, icmpId ?? 0, zone);

    /// <summary>A decoded tuple's numbers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TupleFields Of(FlowTuple tuple) =>
        Sent(tuple.Protocol, tuple.SourcePort, tuple.DestinationPort, tuple.IcmpType, tuple.IcmpCode, tuple.IcmpId, tuple.Zone);
}
