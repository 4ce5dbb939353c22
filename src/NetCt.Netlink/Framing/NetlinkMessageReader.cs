namespace NetCt.Netlink;

/// <summary>
/// Iterates the messages of one datagram (or of a buffer of messages back to back, such as a
/// <see cref="NetlinkWriter"/>'s output or a captured fixture).
/// </summary>
public ref struct NetlinkMessageReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly uint _senderPortId;
    private int _next;
    private int _start;
    private int _length;

    /// <summary>Creates a reader positioned before the first message.</summary>
    /// <param name="data">One or more messages back to back.</param>
    /// <param name="senderPortId">Reported as <see cref="NetlinkMessage.SenderPortId"/> of every message.</param>
    public NetlinkMessageReader(ReadOnlySpan<byte> data, uint senderPortId = 0)
    {
        _data = data;
        _senderPortId = senderPortId;
        _start = -1;
    }

    /// <summary>Offset of the current message in the data.</summary>
    public readonly int Offset => _start;

    /// <summary>The current message.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Next"/> has not returned true.</exception>
    public readonly NetlinkMessage Current => _start < 0
        ? throw new InvalidOperationException("call Next() first")
        : new NetlinkMessage(_data.Slice(_start, _length), _senderPortId);

    /// <summary>Moves to the next message.</summary>
    /// <returns>False at the end of the data.</returns>
    /// <exception cref="NetlinkDecodeException">A header is truncated or its length does not fit.</exception>
    public bool Next()
    {
        if (!MessageFraming.TryFrame(_data, _next, out int length, out int next))
        {
            _start = -1;
            return false;
        }

        _start = _next;
        _length = length;
        _next = next;
        return true;
    }
}
