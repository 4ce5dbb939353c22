namespace NetCt.Conntrack;

/// <summary>A decoded <see cref="Flow"/> as <see cref="FlowFilterEvaluator"/> reads it.</summary>
internal readonly struct FlowFilterFields(Flow flow) : IFilterableFlow<TupleFilterFields>
{
    public IpFamily Family => flow.Family;

    public TupleFilterFields Original => new(flow.Original);

    public TupleFilterFields Reply => new(flow.Reply);

    public FlowStatus? Status => flow.Status;

    public uint? Mark => flow.Mark;

    public ushort? Zone => flow.Zone;

    public uint? Secmark => flow.Secmark;

    public uint? Id => flow.Id;

    public TcpState? TcpState => flow.Tcp?.State;

    public SctpState? SctpState => flow.Sctp?.State;

    public DccpState? DccpState => flow.Dccp?.State;

    public ReadOnlySpan<byte> Labels => flow.Labels;
}

/// <summary>A decoded <see cref="FlowTuple"/> (null when the entry has none) as <see cref="FlowFilterEvaluator"/> reads it.</summary>
internal readonly struct TupleFilterFields(FlowTuple? tuple) : IFilterableTuple
{
    public bool IsPresent => tuple is not null;

    public int WriteSource(scoped Span<byte> destination) => Write(tuple?.Source, destination);

    public int WriteDestination(scoped Span<byte> destination) => Write(tuple?.Destination, destination);

    public byte? Protocol => tuple?.Protocol;

    public ushort? SourcePort => tuple?.SourcePort;

    public ushort? DestinationPort => tuple?.DestinationPort;

    public byte? IcmpType => tuple?.IcmpType;

    public byte? IcmpCode => tuple?.IcmpCode;

    public ushort? IcmpId => tuple?.IcmpId;

    public ushort? Zone => tuple?.Zone;

    private static int Write(System.Net.IPAddress? address, scoped Span<byte> destination)
        => address is not null && address.TryWriteBytes(destination, out int written) ? written : 0;
}
