namespace NetCt.Cli.Arguments;

/// <summary>
/// What getopt returns for each of conntrack's own options: its short letter, or for long-only
/// options the otherwise unused character conntrack chose (which also works as a short option:
/// <c>-[ 192.0.2.1</c> is <c>--tuple-src 192.0.2.1</c>).
/// </summary>
internal enum OptionCode
{
    List = 'L',
    Create = 'I',
    Add = 'A',
    Delete = 'D',
    Update = 'U',
    Get = 'G',
    Flush = 'F',
    Event = 'E',
    Count = 'C',
    Stats = 'S',
    Version = 'V',
    Help = 'h',
    OriginalSource = 's',
    OriginalDestination = 'd',
    ReplySource = 'r',
    ReplyDestination = 'q',
    Protocol = 'p',
    Timeout = 't',
    Status = 'u',
    Zero = 'z',
    EventMask = 'e',
    TupleSource = '[',
    TupleDestination = ']',
    MaskSource = '{',
    MaskDestination = '}',
    NatRange = 'a',
    Mark = 'm',
    Secmark = 'c',
    Id = 'i',
    Family = 'f',
    SourceNat = 'n',
    DestinationNat = 'g',
    Output = 'o',
    BufferSize = 'b',
    AnyNat = 'j',
    Zone = 'w',
    Label = 'l',
    LabelAdd = '<',
    LabelDelete = '>',
    OriginalZone = '(',
    ReplyZone = ')',

    /// <summary>
    /// --resync (netct only, -E): re-read the table after an overrun. Long only: 0xFF is no character
    /// of the short option string, and codes from 256 up belong to the protocol extensions.
    /// </summary>
    Resync = 0xFF,
}
