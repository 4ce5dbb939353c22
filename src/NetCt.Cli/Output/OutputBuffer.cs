using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NetCt.Cli.Libc;

namespace NetCt.Cli.Output;

/// <summary>
/// A buffered UTF-8 writer over a stream (stdout): one pooled buffer, numbers and addresses
/// formatted straight into it, no string per field. Output reaches the stream when the buffer is
/// full, on <see cref="Flush"/>, and after every line when <see cref="LineBuffered"/> is set (event
/// streams, where conntrack calls fflush after each event).
/// </summary>
/// <remarks>
/// A <em>record</em> (<see cref="BeginRecord"/> … <see cref="EndRecord"/>) is kept whole in the buffer
/// so that it can be trimmed afterwards. Once a write runs past the record's maximum length the
/// record is cut there and frozen: later writes and trims do nothing. That is what conntrack's
/// fixed-size snprintf buffers produce (see <see cref="ConntrackQuirks.DumpLineLimit"/>).
/// As an <see cref="IBufferWriter{T}"/> it lends the free part of its buffer to a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> (<c>-o json</c>), outside records only.
/// </remarks>
internal sealed class OutputBuffer : IBufferWriter<byte>, IDisposable
{
    public const int DefaultCapacity = 64 * 1024;

    // Padding is written from here in one copy, not a byte at a time (a plain line pads its protocol names).
    private static ReadOnlySpan<byte> Blanks => "                "u8;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _position;
    private int _recordStart = -1;
    private bool _recordCut;

    // Writes stop here: the end of the buffer, or the end of the current record.
    private int _limit;

    public OutputBuffer(Stream stream, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 64);
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _limit = _buffer.Length;
    }

    /// <summary>Flush after every <see cref="EndLine"/> (conntrack -E flushes stdout after each event).</summary>
    public bool LineBuffered { get; set; }

    /// <summary>Bytes written to the current record so far.</summary>
    public int RecordLength => _recordStart < 0 ? 0 : _position - _recordStart;

    // The two Write overloads run several times per field of every entry: their common case (room
    // left) is inlined into the formatters, the rest lives in WriteSlow/WriteByteSlow.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        int position = _position;
        if (bytes.Length <= _limit - position)
        {
            bytes.CopyTo(_buffer.AsSpan(position));
            _position = position + bytes.Length;
            return;
        }
        WriteSlow(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        int position = _position;
        byte[] buffer = _buffer;
        if (position < _limit && (uint)position < (uint)buffer.Length)
        {
            buffer[position] = value;
            _position = position + 1;
            return;
        }
        WriteByteSlow(value);
    }

    /// <summary>Writes a string as UTF-8 (helper names, security contexts, label names).</summary>
    public void WriteUtf8(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= _limit - _position)
        {
            _position += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
            return;
        }
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        int length = Encoding.UTF8.GetBytes(value, rented);
        Write(rented.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>printf <c>%u</c> / <c>%llu</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDecimal(ulong value)
    {
        // Several numbers on every line, nearly all of 32 bits: written in place when they fit,
        // the room check inlined into the formatters like Write's.
        int position = _position;
        if (value <= uint.MaxValue && _limit - position >= DecimalText.MaxLength)
        {
            _position = position + DecimalText.Write((uint)value, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), position));
            return;
        }
        WriteDecimalSlow(value);
    }

    private void WriteDecimalSlow(ulong value)
    {
        Span<byte> text = stackalloc byte[20];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        Write(text[..written]);
    }

    /// <summary>printf <c>%d</c> / <c>%ld</c>.</summary>
    public void WriteDecimal(long value)
    {
        if (value < 0)
        {
            Write((byte)'-');
            WriteDecimal(unchecked((ulong)-value));
            return;
        }
        WriteDecimal((ulong)value);
    }

    /// <summary>printf <c>%.Nu</c> (or <c>%0Nd</c>): at least <paramref name="minimumDigits"/> digits, zero-padded.</summary>
    public void WriteDecimal(ulong value, int minimumDigits)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        for (int i = written; i < minimumDigits; i++)
            Write((byte)'0');
        Write(digits[..written]);
    }

    /// <summary>printf <c>%x</c>: lower-case hexadecimal without leading zeros.</summary>
    public void WriteHex(uint value)
    {
        Span<byte> digits = stackalloc byte[8];
        value.TryFormat(digits, out int written, "x", CultureInfo.InvariantCulture);
        Write(digits[..written]);
    }

    /// <summary>printf <c>%-Ns</c>: <paramref name="text"/> left-aligned in a field of <paramref name="width"/>.</summary>
    public void WritePadded(ReadOnlySpan<byte> text, int width)
    {
        Write(text);
        for (int pad = width - text.Length; pad > 0; pad -= Blanks.Length)
            Write(Blanks[..Math.Min(pad, Blanks.Length)]);
    }

    /// <summary>An address as glibc's inet_ntop writes it (inet_ntoa for IPv4).</summary>
    public void WriteAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int length);
        WriteAddress(bytes[..length]);
    }

    /// <summary>A 4- or 16-byte address in network order, as glibc's inet_ntop writes it.</summary>
    public void WriteAddress(ReadOnlySpan<byte> address)
    {
        // Four addresses on every line: formatted in place when the longest one fits (a record's
        // limit never lies past the buffer's end).
        int position = _position;
        if (_limit - position >= InetNtop.MaxLength)
        {
            _position = position + InetNtop.FormatInPlace(address, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), position));
            return;
        }
        Span<byte> text = stackalloc byte[InetNtop.MaxLength];
        Write(text[..InetNtop.Format(address, text)]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteSpace() => Write((byte)' ');

    /// <summary>Ends a line: writes '\n', and flushes when <see cref="LineBuffered"/>.</summary>
    public void EndLine()
    {
        Write((byte)'\n');
        if (LineBuffered)
            Flush();
    }

    /// <summary>
    /// Starts a record of at most <paramref name="maxLength"/> bytes, kept whole in the buffer until
    /// <see cref="EndRecord"/>; longer output is cut off at that length.
    /// </summary>
    public void BeginRecord(int maxLength)
    {
        if (_recordStart >= 0)
            throw new InvalidOperationException("A record is already open.");
        if (_buffer.Length - _position < maxLength)
        {
            Flush();
            if (_buffer.Length < maxLength)
                Grow(maxLength);
        }
        _recordStart = _position;
        _limit = _position + maxLength;
    }

    /// <summary>Removes the last <paramref name="count"/> bytes of the current record, unless it was cut.</summary>
    public void TrimRecordEnd(int count)
    {
        if (!_recordCut)
            _position -= Math.Min(count, RecordLength);
    }

    /// <summary>Removes the spaces at the end of the current record, unless it was cut.</summary>
    public void TrimRecordTrailingSpaces()
    {
        while (!_recordCut && _position > _recordStart && _buffer[_position - 1] == (byte)' ')
            _position--;
    }

    public void EndRecord()
    {
        _recordStart = -1;
        _recordCut = false;
        _limit = _buffer.Length;
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_recordStart >= 0)
            throw new InvalidOperationException("Cannot flush inside a record.");
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
            return;
        EndRecord();
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _limit = 0;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        int room = Reserve(sizeHint); // may flush or replace the buffer: read both afterwards
        return _buffer.AsMemory(_position, room);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        int room = Reserve(sizeHint);
        return _buffer.AsSpan(_position, room);
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _limit - _position);
        _position += count;
    }

    // Room for at least sizeHint bytes (one if zero) after the current position: flushes, and
    // grows the buffer for a hint larger than it.
    private int Reserve(int sizeHint)
    {
        if (_recordStart >= 0)
            throw new InvalidOperationException("Cannot lend the buffer inside a record.");
        sizeHint = Math.Max(sizeHint, 1);
        if (_limit - _position < sizeHint)
        {
            Flush();
            if (_buffer.Length < sizeHint)
                Grow(sizeHint);
        }
        return _limit - _position;
    }

    private void WriteSlow(ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            int room = _limit - _position;
            if (bytes.Length <= room)
            {
                bytes.CopyTo(_buffer.AsSpan(_position));
                _position += bytes.Length;
                return;
            }
            bytes[..room].CopyTo(_buffer.AsSpan(_position));
            _position += room;
            if (_recordStart >= 0)
            {
                _recordCut = true; // a record never grows past its limit: the rest is cut off
                return;
            }
            bytes = bytes[room..];
            Flush();
        }
    }

    private void WriteByteSlow(byte value)
    {
        if (_position == _limit)
        {
            if (_recordStart >= 0)
            {
                _recordCut = true;
                return;
            }
            Flush();
        }
        _buffer[_position++] = value;
    }

    private void Grow(int minimumLength)
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(minimumLength);
        _limit = _buffer.Length;
    }
}
