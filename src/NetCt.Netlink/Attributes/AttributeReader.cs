using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NetCt.Interop;

namespace NetCt.Netlink;

/// <summary>
/// Iterates the netlink attributes (<c>struct nlattr</c> + value, 4-byte aligned) in a span:
/// <c>while (reader.Next()) switch ((CtattrType)reader.Type) { … }</c>. Unknown types are simply
/// iterated past. It never reads outside the span: a truncated header, a length below 4 or past the
/// end, or a value too short for a typed read throws <see cref="NetlinkDecodeException"/> (the Try
/// forms return false instead).
/// </summary>
public ref struct AttributeReader
{
    // 32 bytes and no object reference: decoders create one per nest of every entry and pass it
    // on, so its size is copying and zeroing on the hot path. The current attribute's type and
    // length are read from its header when asked for rather than kept.
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _next;
    private int _current;
    private bool _malformed;

    /// <summary>Creates a reader positioned before the first attribute.</summary>
    /// <param name="attributes">Attributes back to back.</param>
    public AttributeReader(ReadOnlySpan<byte> attributes)
        : this(attributes, 0)
    {
    }

    /// <summary>Creates a reader whose error messages report offsets relative to an enclosing message.</summary>
    /// <param name="attributes">Attributes back to back.</param>
    /// <param name="baseOffset">Offset of <paramref name="attributes"/> in the enclosing message.</param>
    public AttributeReader(ReadOnlySpan<byte> attributes, int baseOffset)
    {
        _data = attributes;
        _baseOffset = baseOffset;
        _current = -1;
    }

    /// <summary>
    /// True between a <see cref="Next"/> that returned true and the next call: a decoder's catch
    /// filter uses it to tell a failure inside the current attribute's value (named by
    /// <see cref="Type"/>) from one in the framing at this level, which has no current attribute.
    /// </summary>
    public readonly bool HasCurrent => _current >= 0;

    /// <summary>The current attribute's type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off.</summary>
    public readonly ushort Type => (ushort)(CurrentRawType & NetlinkAttributeFlags.NLA_TYPE_MASK);

    /// <summary>The current attribute's nla_type as sent, flags included.</summary>
    public readonly ushort RawType => CurrentRawType;

    /// <summary>True when the sender flagged the value as nested attributes (NLA_F_NESTED).</summary>
    public readonly bool IsNested => (CurrentRawType & NetlinkAttributeFlags.NLA_F_NESTED) != 0;

    /// <summary>True when the sender flagged the value as network byte order (NLA_F_NET_BYTEORDER).</summary>
    public readonly bool IsNetworkByteOrder => (CurrentRawType & NetlinkAttributeFlags.NLA_F_NET_BYTEORDER) != 0;

    /// <summary>The current attribute's value (nla_len - 4 bytes, padding excluded).</summary>
    public readonly ReadOnlySpan<byte> Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            EnsureCurrent();

            // TryNext checked that the value lies inside _data.
            return MemoryMarshal.CreateReadOnlySpan(
                ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), _current + NetlinkLayout.NLA_HDRLEN), ValueLength);
        }
    }

    /// <summary>Offset of the current attribute's header, relative to the enclosing message when a base offset was given.</summary>
    public readonly int Offset => _baseOffset + _current;

    /// <summary>True after <see cref="TryNext"/> stopped on malformed data.</summary>
    public readonly bool IsMalformed => _malformed;

    private readonly ushort CurrentRawType
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            EnsureCurrent();
            return (ushort)(ReadHeader(_current) >> 16);
        }
    }

    // nla_len minus the header; TryNext checked nla_len.
    private readonly int ValueLength => (ushort)ReadHeader(_current) - NetlinkLayout.NLA_HDRLEN;

    /// <summary>Moves to the next attribute.</summary>
    /// <returns>False at the end of the span.</returns>
    /// <exception cref="NetlinkDecodeException">The next attribute is truncated or its length is invalid.</exception>
    public bool Next()
    {
        if (TryNext())
        {
            return true;
        }

        if (_malformed)
        {
            ThrowMalformed();
        }

        return false;
    }

    /// <summary>Moves to the next attribute without throwing.</summary>
    /// <returns>False at the end of the span, or when the data is malformed (then <see cref="IsMalformed"/> is true).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext()
    {
        // No test of _malformed here: a malformed attribute leaves _next on itself, so every later
        // call fails on it again and ends in Stop.
        int current = _next;
        int next = current;
        if (AttributeFraming.TryStep(ref MemoryMarshal.GetReference(_data), ref next, _data.Length, out _, out _, out _))
        {
            _current = current;
            _next = next;
            return true;
        }

        return Stop();
    }

    // The end of the attributes, or the attribute at _next is malformed (stops here for good).
    private bool Stop()
    {
        _current = -1;
        _malformed |= !AttributeFraming.IsEnd(_next, _data.Length);
        return false;
    }

    /// <summary>
    /// A reader over the current attribute's value, for nested attributes (NLA_F_NESTED is not
    /// required). A decoder of a nest that runs for every entry of a dump is best given the
    /// enclosing reader by <c>in</c> and calls this itself: the nested reader is then built in
    /// place instead of copied into the call.
    /// </summary>
    /// <returns>A reader positioned before the first inner attribute.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly AttributeReader GetNested()
    {
        ReadOnlySpan<byte> value = Value;
        return new AttributeReader(value, _baseOffset + _current + NetlinkLayout.NLA_HDRLEN);
    }

    /// <summary>Reads a u8.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte GetByte() => Need(1, "u8")[0];

    /// <summary>Reads a big-endian u16 (ports, zones).</summary>
    /// <returns>The value in host order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ushort GetUInt16BigEndian() => BinaryPrimitives.ReadUInt16BigEndian(Need(2, "big-endian u16"));

    /// <summary>Reads a big-endian u32 (status, mark, timeout, id).</summary>
    /// <returns>The value in host order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint GetUInt32BigEndian() => BinaryPrimitives.ReadUInt32BigEndian(Need(4, "big-endian u32"));

    /// <summary>Reads a big-endian u64 (counters, timestamps).</summary>
    /// <returns>The value in host order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong GetUInt64BigEndian() => BinaryPrimitives.ReadUInt64BigEndian(Need(8, "big-endian u64"));

    /// <summary>Reads a host-endian u16.</summary>
    /// <returns>The value.</returns>
    public readonly ushort GetUInt16HostEndian() => MemoryMarshal.Read<ushort>(Need(2, "host-endian u16"));

    /// <summary>Reads a host-endian u32 (CTA_FILTER flags, NLMSGERR_ATTR_OFFS).</summary>
    /// <returns>The value.</returns>
    public readonly uint GetUInt32HostEndian() => MemoryMarshal.Read<uint>(Need(4, "host-endian u32"));

    /// <summary>The value up to its first NUL (the whole value if it has none), without allocating.</summary>
    /// <returns>The string's bytes, NUL excluded.</returns>
    public readonly ReadOnlySpan<byte> GetStringBytes()
    {
        ReadOnlySpan<byte> value = Value;
        int end = value.IndexOf((byte)0);
        return end < 0 ? value : value[..end];
    }

    /// <summary>The value as a NUL-terminated UTF-8 string (helper names, security contexts).</summary>
    /// <returns>The string, NUL excluded.</returns>
    public readonly string GetString() => Encoding.UTF8.GetString(GetStringBytes());

    /// <summary>The raw value (addresses, labels); same as <see cref="Value"/>.</summary>
    /// <returns>The value bytes.</returns>
    public readonly ReadOnlySpan<byte> GetBytes() => Value;

    /// <summary>Reads a u8 if the value is long enough.</summary>
    /// <param name="value">The value, or 0.</param>
    /// <returns>False when the value is too short.</returns>
    public readonly bool TryGetByte(out byte value)
    {
        ReadOnlySpan<byte> bytes = Value;
        value = bytes.Length >= 1 ? bytes[0] : (byte)0;
        return bytes.Length >= 1;
    }

    /// <summary>Reads a big-endian u16 if the value is long enough.</summary>
    /// <param name="value">The value, or 0.</param>
    /// <returns>False when the value is too short.</returns>
    public readonly bool TryGetUInt16BigEndian(out ushort value) => BinaryPrimitives.TryReadUInt16BigEndian(Value, out value);

    /// <summary>Reads a big-endian u32 if the value is long enough.</summary>
    /// <param name="value">The value, or 0.</param>
    /// <returns>False when the value is too short.</returns>
    public readonly bool TryGetUInt32BigEndian(out uint value) => BinaryPrimitives.TryReadUInt32BigEndian(Value, out value);

    /// <summary>Reads a big-endian u64 if the value is long enough.</summary>
    /// <param name="value">The value, or 0.</param>
    /// <returns>False when the value is too short.</returns>
    public readonly bool TryGetUInt64BigEndian(out ulong value) => BinaryPrimitives.TryReadUInt64BigEndian(Value, out value);

    /// <summary>Reads a host-endian u32 if the value is long enough.</summary>
    /// <param name="value">The value, or 0.</param>
    /// <returns>False when the value is too short.</returns>
    public readonly bool TryGetUInt32HostEndian(out uint value) => MemoryMarshal.TryRead(Value, out value);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowMalformed() => throw new NetlinkDecodeException(MalformedMessage());

    [DoesNotReturn]
    private static void ThrowNoCurrent() =>
        throw new InvalidOperationException("no current attribute: call Next() and check that it returned true");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ReadOnlySpan<byte> Need(int size, string what)
    {
        ReadOnlySpan<byte> value = Value;
        if (value.Length < size)
        {
            ThrowTooShort(size, what);
        }

        return value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTooShort(int size, string what) =>
        throw new NetlinkDecodeException(
            $"netlink attribute type {Type} at offset {Offset}: value is {ValueLength} bytes, a {what} needs {size}");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void EnsureCurrent()
    {
        if (_current < 0)
        {
            ThrowNoCurrent();
        }
    }

    /// <summary>nla_len (low half) and nla_type (high half) of the attribute header at <paramref name="offset"/>, which TryNext checked lies inside the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly uint ReadHeader(int offset)
    {
        uint header = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), offset));
        return BitConverter.IsLittleEndian ? header : BitOperations.RotateRight(header, 16);
    }

    /// <summary>Why the attribute where TryNext stopped cannot be read.</summary>
    private readonly string MalformedMessage()
    {
        int offset = _next;
        int remaining = _data.Length - offset;
        if (remaining < NetlinkLayout.NLA_HDRLEN)
        {
            return $"netlink attribute at offset {_baseOffset + offset}: {remaining} bytes left, a header needs {NetlinkLayout.NLA_HDRLEN}";
        }

        uint header = ReadHeader(offset);
        int length = (ushort)header;
        int type = (int)(header >> 16) & NetlinkAttributeFlags.NLA_TYPE_MASK;
        return length < NetlinkLayout.NLA_HDRLEN
            ? $"netlink attribute type {type} at offset {_baseOffset + offset}: nla_len {length} is shorter than its own header"
            : $"netlink attribute type {type} at offset {_baseOffset + offset}: nla_len {length} runs past the end ({remaining} bytes left)";
    }
}
