namespace NetCt.Conntrack;

/// <summary>
/// What <see cref="FlowFilterEvaluator"/> reads of an entry. A decoded <see cref="Flow"/>
/// (<see cref="FlowFilterFields"/>) and an entry read in place (<see cref="FlowView"/>) both
/// provide it, so that one evaluator judges both and a listing need not decode what it filters.
/// </summary>
/// <typeparam name="TTuple">How the entry's tuples are read.</typeparam>
internal interface IFilterableFlow<TTuple>
    where TTuple : IFilterableTuple, allows ref struct
{
    /// <summary>The layer-3 family (nfgenmsg.nfgen_family).</summary>
    IpFamily Family { get; }

    /// <summary>CTA_TUPLE_ORIG (<see cref="IFilterableTuple.IsPresent"/> false when not sent).</summary>
    TTuple Original { get; }

    /// <summary>CTA_TUPLE_REPLY (<see cref="IFilterableTuple.IsPresent"/> false when not sent).</summary>
    TTuple Reply { get; }

    /// <summary>CTA_STATUS.</summary>
    FlowStatus? Status { get; }

    /// <summary>CTA_MARK.</summary>
    uint? Mark { get; }

    /// <summary>CTA_ZONE.</summary>
    ushort? Zone { get; }

    /// <summary>CTA_SECMARK.</summary>
    uint? Secmark { get; }

    /// <summary>CTA_ID.</summary>
    uint? Id { get; }

    /// <summary>CTA_PROTOINFO_TCP_STATE.</summary>
    TcpState? TcpState { get; }

    /// <summary>CTA_PROTOINFO_SCTP_STATE.</summary>
    SctpState? SctpState { get; }

    /// <summary>CTA_PROTOINFO_DCCP_STATE.</summary>
    DccpState? DccpState { get; }

    /// <summary>CTA_LABELS: the label bitmap, empty when not sent.</summary>
    ReadOnlySpan<byte> Labels { get; }
}
