namespace NetCt.Cli.Arguments;

/// <summary>
/// Which options were given: conntrack's enum ct_options, one bit per option in its order, which
/// is also the column order of the legality table and so the order in which errors are found.
/// </summary>
[Flags]
internal enum CommandOptions
{
    None = 0,

    /// <summary>-s, --src, --orig-src.</summary>
    OriginalSource = 1 << 0,

    /// <summary>-d, --dst, --orig-dst.</summary>
    OriginalDestination = 1 << 1,

    /// <summary>-r, --reply-src.</summary>
    ReplySource = 1 << 2,

    /// <summary>-q, --reply-dst.</summary>
    ReplyDestination = 1 << 3,

    /// <summary>-p, --protonum.</summary>
    Protocol = 1 << 4,

    /// <summary>-t, --timeout.</summary>
    Timeout = 1 << 5,

    /// <summary>-u, --status.</summary>
    Status = 1 << 6,

    /// <summary>-z, --zero.</summary>
    Zero = 1 << 7,

    /// <summary>-e, --event-mask.</summary>
    EventMask = 1 << 8,

    /// <summary>--tuple-src.</summary>
    TupleSource = 1 << 9,

    /// <summary>--tuple-dst.</summary>
    TupleDestination = 1 << 10,

    /// <summary>--mask-src, or a CIDR prefix on -s or --tuple-src.</summary>
    MaskSource = 1 << 11,

    /// <summary>--mask-dst, or a CIDR prefix on -d or --tuple-dst.</summary>
    MaskDestination = 1 << 12,

    /// <summary>-a, --nat-range: deprecated and ignored, so never set.</summary>
    NatRange = 1 << 13,

    /// <summary>-m, --mark.</summary>
    Mark = 1 << 14,

    /// <summary>-i, --id.</summary>
    Id = 1 << 15,

    /// <summary>-f, --family.</summary>
    Family = 1 << 16,

    /// <summary>-n, --src-nat.</summary>
    SourceNat = 1 << 17,

    /// <summary>-g, --dst-nat.</summary>
    DestinationNat = 1 << 18,

    /// <summary>-o, --output.</summary>
    Output = 1 << 19,

    /// <summary>-c, --secmark.</summary>
    Secmark = 1 << 20,

    /// <summary>-b, --buffer-size.</summary>
    BufferSize = 1 << 21,

    /// <summary>-j, --any-nat.</summary>
    AnyNat = 1 << 22,

    /// <summary>-w, --zone.</summary>
    Zone = 1 << 23,

    /// <summary>-l, --label.</summary>
    Label = 1 << 24,

    /// <summary>--label-add.</summary>
    LabelAdd = 1 << 25,

    /// <summary>--label-del.</summary>
    LabelDelete = 1 << 26,

    /// <summary>--orig-zone.</summary>
    OriginalZone = 1 << 27,

    /// <summary>--reply-zone.</summary>
    ReplyZone = 1 << 28,

    /// <summary>-s and -d.</summary>
    Original = OriginalSource | OriginalDestination,

    /// <summary>-r and -q.</summary>
    Reply = ReplySource | ReplyDestination,

    /// <summary>The options that make -L, -D, -U and -E compare entries (conntrack's CT_COMPARISON); -z refuses them.</summary>
    Comparison = Protocol | Original | Reply | Mark | Secmark | Status | Id | Zone | Label | OriginalZone | ReplyZone,
}
