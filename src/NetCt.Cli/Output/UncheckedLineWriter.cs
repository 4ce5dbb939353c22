using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NetCt.Cli.Libc;

namespace NetCt.Cli.Output;

/// <summary>
/// Writes a line into room that the caller has shown it fits in (<see cref="OutputBuffer.GetSpan"/>
/// of the line's longest possible length), without a check per write; then
/// <see cref="OutputBuffer.Advance"/> by <see cref="Length"/>. Numbers and IPv4 addresses are
/// formatted straight into the room, which therefore needs their longest text's room as well.
/// </summary>
internal ref struct UncheckedLineWriter(Span<byte> room) : ILineWriter
{
    private readonly Span<byte> _room = room;
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    private readonly ref byte End => ref Unsafe.Add(ref MemoryMarshal.GetReference(_room), _length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        Debug.Assert(bytes.Length <= _room.Length - _length);
        bytes.CopyTo(MemoryMarshal.CreateSpan(ref End, bytes.Length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        Debug.Assert(_length < _room.Length);
        End = value;
        _length++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDecimal(ulong value)
    {
        if (value <= uint.MaxValue)
        {
            Debug.Assert(DecimalText.MaxLength <= _room.Length - _length);
            _length += DecimalText.Write((uint)value, ref End);
            return;
        }
        value.TryFormat(_room[_length..], out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WriteHex(uint value)
    {
        value.TryFormat(_room[_length..], out int written, "x", CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WritePadded(scoped ReadOnlySpan<byte> text, int width)
    {
        Write(text);
        int pad = width - text.Length;
        if (pad <= 0)
            return;
        _room.Slice(_length, pad).Fill((byte)' ');
        _length += pad;
    }

    public void WriteAddress(scoped ReadOnlySpan<byte> address)
    {
        // The room is sliced, so checked in release builds too, as it was before FormatInPlace.
        Span<byte> room = _room.Slice(_length, InetNtop.MaxLength);
        _length += InetNtop.FormatInPlace(address, ref MemoryMarshal.GetReference(room));
    }

    public void WriteAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        WriteAddress(bytes[..length]);
    }

    public void WriteUtf8(string value) => _length += Encoding.UTF8.GetBytes(value, _room[_length..]);

    public void TrimEnd(int count) => _length -= Math.Min(count, _length);
}
