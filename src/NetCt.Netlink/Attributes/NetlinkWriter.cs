using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// Builds one or many netlink messages back to back in a pooled, growable buffer — a single request,
/// or a window of a pipelined <see cref="NetlinkBatch"/>. Call
/// <see cref="BeginNfMessage"/>, put attributes (nested ones inside
/// <c>using (writer.BeginNested(type)) { … }</c>), then <see cref="EndMessage"/>, which patches
/// nlmsg_len. <see cref="Reset"/> reuses the buffer. Not thread-safe.
/// </summary>
public sealed class NetlinkWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private int _messageStart = -1;
    private int _nestDepth;
    private MessageRecord[] _messages = new MessageRecord[16];
    private int _messageCount;

    /// <summary>Creates a writer.</summary>
    /// <param name="initialCapacity">Initial buffer size in bytes; it grows as needed.</param>
    public NetlinkWriter(int initialCapacity = 4096)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, NetlinkMessageHeader.Size + NfGenMessage.Size));
    }

    /// <summary>Bytes written so far, including an unfinished message.</summary>
    public int Length => _length;

    /// <summary>Number of finished messages.</summary>
    public int MessageCount => _messageCount;

    /// <summary>True between <see cref="BeginMessage"/> and <see cref="EndMessage"/>.</summary>
    public bool IsMessageOpen => _messageStart >= 0;

    /// <summary>All finished messages, back to back, ready to send. Invalidated by any further write.</summary>
    /// <exception cref="InvalidOperationException">A message is still open.</exception>
    public ReadOnlySpan<byte> WrittenSpan
    {
        get
        {
            ThrowIfDisposed();
            if (_messageStart >= 0)
            {
                throw new InvalidOperationException("a message is still open: call EndMessage() first");
            }

            return _buffer.AsSpan(0, _length);
        }
    }

    /// <summary>The nlmsg_seq of finished message <paramref name="index"/>.</summary>
    /// <param name="index">0-based message index.</param>
    /// <returns>The sequence number.</returns>
    public uint GetSequence(int index) => Record(index).Sequence;

    /// <summary>The bytes of finished message <paramref name="index"/>. Invalidated by any further write.</summary>
    /// <param name="index">0-based message index.</param>
    /// <returns>The message, header included.</returns>
    public ReadOnlySpan<byte> GetMessage(int index)
    {
        MessageRecord record = Record(index);
        return _buffer.AsSpan(record.Offset, record.Length);
    }

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Reset()
    {
        ThrowIfDisposed();
        _length = 0;
        _messageStart = -1;
        _nestDepth = 0;
        _messageCount = 0;
    }

    /// <summary>Starts a message with a bare nlmsghdr (nlmsg_pid 0).</summary>
    /// <param name="type">nlmsg_type.</param>
    /// <param name="flags">nlmsg_flags; requests need NLM_F_REQUEST (not added for you, so replies can be built too).</param>
    /// <param name="sequence">nlmsg_seq, usually <see cref="NetlinkConnection.NextSequence"/>.</param>
    /// <returns><paramref name="sequence"/>.</returns>
    public uint BeginMessage(ushort type, NetlinkMessageFlags flags, uint sequence)
    {
        ThrowIfDisposed();
        if (_messageStart >= 0)
        {
            throw new InvalidOperationException("the previous message is still open: call EndMessage() first");
        }

        _messageStart = _length;
        new NetlinkMessageHeader(0, type, flags, sequence, 0).Write(Grow(NetlinkMessageHeader.Size));
        return sequence;
    }

    /// <summary>Starts an nfnetlink message: nlmsghdr followed by nfgenmsg {family, version, res_id}.</summary>
    /// <param name="type">nlmsg_type, <c>subsystem &lt;&lt; 8 | message</c> (see <see cref="NfnlMessageType.Compose"/>).</param>
    /// <param name="flags">nlmsg_flags.</param>
    /// <param name="sequence">nlmsg_seq.</param>
    /// <param name="family">nfgen_family (AF_UNSPEC, AF_INET, AF_INET6).</param>
    /// <param name="resourceId">res_id in host order (written big-endian).</param>
    /// <param name="version">nfgenmsg.version: <see cref="NfnetlinkVersions.NFNETLINK_V0"/>, except where a subsystem gives another value a meaning (ctnetlink's flush filters by family only when it is non-zero).</param>
    /// <returns><paramref name="sequence"/>.</returns>
    public uint BeginNfMessage(ushort type, NetlinkMessageFlags flags, uint sequence, byte family, ushort resourceId = 0, byte version = NfnetlinkVersions.NFNETLINK_V0)
    {
        BeginMessage(type, flags, sequence);
        new NfGenMessage(family, version, resourceId).Write(Grow(NfGenMessage.Size));
        return sequence;
    }

    /// <summary>Finishes the open message: patches nlmsg_len and records it.</summary>
    /// <returns>The message's length in bytes.</returns>
    public int EndMessage()
    {
        ThrowIfDisposed();
        if (_messageStart < 0)
        {
            throw new InvalidOperationException("no message is open");
        }

        if (_nestDepth != 0)
        {
            throw new InvalidOperationException("a nested attribute is still open: dispose its scope first");
        }

        int length = _length - _messageStart;
        uint patched = (uint)length;
        MemoryMarshal.Write(_buffer.AsSpan(_messageStart), in patched);
        uint sequence = MemoryMarshal.Read<uint>(_buffer.AsSpan(_messageStart + 8));
        if (_messageCount == _messages.Length)
        {
            Array.Resize(ref _messages, _messages.Length * 2);
        }

        _messages[_messageCount++] = new MessageRecord(_messageStart, length, sequence);
        _messageStart = -1;
        return length;
    }

    /// <summary>Puts a u8 attribute.</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value.</param>
    public void PutByte(ushort type, byte value) => PutAttribute(type, 1)[0] = value;

    /// <summary>Puts a big-endian u16 attribute (ports, zones).</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value in host order.</param>
    public void PutUInt16BigEndian(ushort type, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(PutAttribute(type, 2), value);

    /// <summary>Puts a big-endian u32 attribute (status, mark, timeout).</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value in host order.</param>
    public void PutUInt32BigEndian(ushort type, uint value) => BinaryPrimitives.WriteUInt32BigEndian(PutAttribute(type, 4), value);

    /// <summary>Puts a big-endian u64 attribute.</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value in host order.</param>
    public void PutUInt64BigEndian(ushort type, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(PutAttribute(type, 8), value);

    /// <summary>Puts a host-endian u32 attribute (CTA_FILTER flags).</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value.</param>
    public void PutUInt32HostEndian(ushort type, uint value) => MemoryMarshal.Write(PutAttribute(type, 4), in value);

    /// <summary>Puts a raw attribute (addresses, labels).</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The value bytes.</param>
    public void PutBytes(ushort type, ReadOnlySpan<byte> value) => value.CopyTo(PutAttribute(type, value.Length));

    /// <summary>Puts a NUL-terminated UTF-8 string attribute (helper names).</summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="value">The string; the NUL is added.</param>
    public void PutString(ushort type, string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> destination = PutAttribute(type, byteCount + 1);
        Encoding.UTF8.GetBytes(value, destination);
        destination[byteCount] = 0;
    }

    /// <summary>
    /// Puts an attribute header and returns its zeroed value to fill in place, for values that are
    /// formatted directly (for example <c>IPAddress.TryWriteBytes</c>). The span is invalidated by the next write.
    /// </summary>
    /// <param name="type">Attribute type.</param>
    /// <param name="valueLength">Value length in bytes.</param>
    /// <returns>The value's bytes.</returns>
    public Span<byte> PutAttribute(ushort type, int valueLength)
    {
        ThrowIfNoMessage();
        int attributeLength = NetlinkLayout.NLA_HDRLEN + valueLength;
        if (valueLength < 0 || attributeLength > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(valueLength), valueLength, "an attribute value must fit nla_len (at most 65531 bytes)");
        }

        Span<byte> attribute = Grow(NetlinkAlignment.Align(attributeLength));
        attribute.Clear();
        WriteAttributeHeader(attribute, (ushort)attributeLength, type);
        return attribute.Slice(NetlinkLayout.NLA_HDRLEN, valueLength);
    }

    /// <summary>
    /// Opens a nested attribute (type | NLA_F_NESTED, as libmnl sends it). Put its members, then
    /// dispose the scope, which patches the nest's nla_len.
    /// </summary>
    /// <param name="type">Attribute type of the nest.</param>
    /// <returns>A scope to dispose when the nest is complete.</returns>
    public NestedAttributeScope BeginNested(ushort type)
    {
        ThrowIfNoMessage();
        int start = _length;
        WriteAttributeHeader(Grow(NetlinkLayout.NLA_HDRLEN), 0, (ushort)(type | NetlinkAttributeFlags.NLA_F_NESTED));
        _nestDepth++;
        return new NestedAttributeScope(this, start, _nestDepth);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        if (buffer.Length != 0)
        {
            _buffer = [];
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal void EndNested(int start, int depth)
    {
        ThrowIfDisposed();
        if (depth != _nestDepth)
        {
            throw new InvalidOperationException("nested attributes must be closed innermost first");
        }

        int length = _length - start;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"nested attribute of {length} bytes does not fit nla_len");
        }

        ushort patched = (ushort)length;
        MemoryMarshal.Write(_buffer.AsSpan(start), in patched);
        _nestDepth--;
    }

    private static void WriteAttributeHeader(Span<byte> destination, ushort length, ushort type)
    {
        MemoryMarshal.Write(destination, in length);
        MemoryMarshal.Write(destination[2..], in type);
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        Span<byte> span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private MessageRecord Record(int index)
    {
        ThrowIfDisposed();
        if ((uint)index >= (uint)_messageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the writer holds {_messageCount} finished messages");
        }

        return _messages[index];
    }

    private void ThrowIfNoMessage()
    {
        ThrowIfDisposed();
        if (_messageStart < 0)
        {
            throw new InvalidOperationException("no message is open: call BeginMessage() or BeginNfMessage() first");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);

    private readonly record struct MessageRecord(int Offset, int Length, uint Sequence);
}
