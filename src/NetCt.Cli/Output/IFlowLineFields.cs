using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// The fields of one entry that conntrack's plain text line prints, so that
/// <see cref="DefaultFlowFormatter"/> is written once for its two sources: a decoded
/// <see cref="Flow"/> (<see cref="DecodedFlowFields"/>) and an entry read in place from its message
/// (<see cref="FlowViewFields"/>, the listing's path). Every member reads as the Flow's property of
/// the same name would (null when the kernel did not send it).
/// </summary>
internal interface IFlowLineFields
{
    IpFamily Family { get; }

    FlowStatus? Status { get; }

    uint? Timeout { get; }

    uint? Mark { get; }

    uint? Secmark { get; }

    ushort? Zone { get; }

    uint? Use { get; }

    uint? Id { get; }

    TcpState? TcpState { get; }

    SctpState? SctpState { get; }

    DccpState? DccpState { get; }

    FlowTimestamps? Timestamps { get; }

    bool HasSecurityContext { get; }

    bool HasHelper { get; }

    /// <summary>The tuple's numbers; <see cref="TupleFields.IsPresent"/> false when the entry has no such tuple.</summary>
    TupleFields Tuple(TupleSide side);

    Counters? Counters(TupleSide side);

    /// <summary>Writes the tuple's source address, or the family's zero address when it has none.</summary>
    void WriteSource<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct;

    /// <summary>Writes the tuple's destination address, or the family's zero address when it has none.</summary>
    void WriteDestination<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct;

    void WriteSecurityContext<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct;

    void WriteHelper<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct;

    /// <summary>The label bitmap, when the entry has one.</summary>
    bool TryGetLabels(out ReadOnlySpan<byte> labels);
}
