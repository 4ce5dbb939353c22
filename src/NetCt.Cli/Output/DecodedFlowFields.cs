using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>A decoded <see cref="Flow"/> as the fields of a plain text line.</summary>
internal readonly struct DecodedFlowFields(Flow flow) : IFlowLineFields
{
    public IpFamily Family => flow.Family;

    public FlowStatus? Status => flow.Status;

    public uint? Timeout => flow.Timeout;

    public uint? Mark => flow.Mark;

    public uint? Secmark => flow.Secmark;

    public ushort? Zone => flow.Zone;

    public uint? Use => flow.Use;

    public uint? Id => flow.Id;

    public TcpState? TcpState => flow.Tcp?.State;

    public SctpState? SctpState => flow.Sctp?.State;

    public DccpState? DccpState => flow.Dccp?.State;

    public FlowTimestamps? Timestamps => flow.Timestamps;

    public bool HasSecurityContext => flow.SecurityContext is not null;

    public bool HasHelper => flow.Helper is not null;

    public TupleFields Tuple(TupleSide side) => TupleOf(side) is { } tuple ? TupleFields.Of(tuple) : default;

    public Counters? Counters(TupleSide side) => side == TupleSide.Original ? flow.OriginalCounters : flow.ReplyCounters;

    public void WriteSource<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct => FlowFields.WriteAddress(ref output, TupleOf(side)?.Source, flow.Family);

    public void WriteDestination<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct => FlowFields.WriteAddress(ref output, TupleOf(side)?.Destination, flow.Family);

    public void WriteSecurityContext<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct => output.WriteUtf8(flow.SecurityContext!);

    public void WriteHelper<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct => output.WriteUtf8(flow.Helper!);

    public bool TryGetLabels(out ReadOnlySpan<byte> labels)
    {
        labels = flow.Labels;
        return flow.Labels is not null;
    }

    private FlowTuple? TupleOf(TupleSide side) => side == TupleSide.Original ? flow.Original : flow.Reply;
}
