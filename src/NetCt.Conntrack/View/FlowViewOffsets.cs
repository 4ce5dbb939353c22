namespace NetCt.Conntrack;

/// <summary>
/// Where each value a <see cref="FlowView"/> offers lies in its message: the offset of the value's
/// first byte from the start of the message, 0 for a value the message does not have (no value
/// can start at 0, which is the netlink header's).
/// </summary>
internal struct FlowViewOffsets
{
    public Tuple Original;
    public Tuple Reply;
    public int Status;
    public int Timeout;
    public int Mark;
    public int Secmark;
    public int Zone;
    public int Use;
    public int Id;
    public int TcpState;
    public int SctpState;
    public int DccpState;
    public Counters OriginalCounters;
    public Counters ReplyCounters;
    public int TimestampStart;
    public int TimestampStop;
    public bool HasTimestamps;
    public Text Helper;
    public Text SecurityContext;
    public Text Labels;

    internal struct Tuple
    {
        public bool Present;
        public int Source;
        public int SourceLength;
        public int Destination;
        public int DestinationLength;
        public int Protocol;
        public int SourcePort;
        public int DestinationPort;
        public int IcmpType;
        public int IcmpCode;
        public int IcmpId;
        public int Zone;
    }

    // CTA_COUNTERS_* values are 64-bit; the CTA_COUNTERS32_* of kernels before 2.6.27 are 32-bit.
    internal struct Counters
    {
        public bool Present;
        public int Packets;
        public bool Packets32;
        public int Bytes;
        public bool Bytes32;
    }

    // A value of bytes (a name up to its NUL, or the label bitmap); Present with Length 0 is an empty value.
    internal struct Text
    {
        public bool Present;
        public int Start;
        public int Length;
    }
}
