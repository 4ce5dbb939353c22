using System.Runtime.CompilerServices;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>An entry read in place (<see cref="FlowView"/>) as the fields of a plain text line.</summary>
internal ref struct FlowViewFields : IFlowLineFields
{
    // The view itself is the only field: a ref struct cannot hold a reference to another, and a
    // copy of the view's few hundred bytes per entry is what Of avoids.
    private FlowView _view;

    /// <summary>The fields of <paramref name="view"/>, in place: the view's own storage seen as this wrapper of it.</summary>
    public static ref FlowViewFields Of(ref FlowView view) => ref Unsafe.As<FlowView, FlowViewFields>(ref view);

    public readonly IpFamily Family => _view.Family;

    public readonly FlowStatus? Status => _view.Status;

    public readonly uint? Timeout => _view.Timeout;

    public readonly uint? Mark => _view.Mark;

    public readonly uint? Secmark => _view.Secmark;

    public readonly ushort? Zone => _view.Zone;

    public readonly uint? Use => _view.Use;

    public readonly uint? Id => _view.Id;

    public readonly TcpState? TcpState => _view.TcpState;

    public readonly SctpState? SctpState => _view.SctpState;

    public readonly DccpState? DccpState => _view.DccpState;

    public readonly FlowTimestamps? Timestamps => _view.Timestamps;

    public readonly bool HasSecurityContext => _view.HasSecurityContext;

    public readonly bool HasHelper => _view.HasHelper;

    /// <summary>Bytes of the security context's name (0 without one).</summary>
    public readonly int SecurityContextLength => _view.SecurityContext.Length;

    /// <summary>Bytes of the helper's name (0 without one).</summary>
    public readonly int HelperLength => _view.Helper.Length;

    public readonly TupleFields Tuple(TupleSide side)
    {
        FlowTupleView tuple = TupleOf(side);
        return tuple.IsPresent
            ? TupleFields.Sent(tuple.Protocol, tuple.SourcePort, tuple.DestinationPort, tuple.IcmpType, tuple.IcmpCode, tuple.IcmpId, tuple.Zone)
            : default;
    }

    public readonly Counters? Counters(TupleSide side) => side == TupleSide.Original ? _view.OriginalCounters : _view.ReplyCounters;

    public readonly void WriteSource<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct => FlowFields.WriteAddress(ref output, TupleOf(side).Source, _view.Family);

    public readonly void WriteDestination<TWriter>(ref TWriter output, TupleSide side)
        where TWriter : ILineWriter, allows ref struct => FlowFields.WriteAddress(ref output, TupleOf(side).Destination, _view.Family);

    public readonly void WriteSecurityContext<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct => output.Write(_view.SecurityContext);

    public readonly void WriteHelper<TWriter>(ref TWriter output)
        where TWriter : ILineWriter, allows ref struct => output.Write(_view.Helper);

    public readonly bool TryGetLabels(out ReadOnlySpan<byte> labels)
    {
        labels = _view.Labels;
        return _view.HasLabels;
    }

    private readonly FlowTupleView TupleOf(TupleSide side) => side == TupleSide.Original ? _view.Original : _view.Reply;
}
