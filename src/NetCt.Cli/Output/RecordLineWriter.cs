using System.Net;
using System.Runtime.CompilerServices;

namespace NetCt.Cli.Output;

/// <summary>
/// Writes a line into the record open on an <see cref="OutputBuffer"/>: every write is checked
/// against the record's limit, and the line is cut there (conntrack's fixed-size buffers).
/// </summary>
internal readonly struct RecordLineWriter(OutputBuffer output) : ILineWriter
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(scoped ReadOnlySpan<byte> bytes) => output.Write(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value) => output.Write(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDecimal(ulong value) => output.WriteDecimal(value);

    public void WriteHex(uint value) => output.WriteHex(value);

    public void WritePadded(scoped ReadOnlySpan<byte> text, int width) => output.WritePadded(text, width);

    public void WriteAddress(scoped ReadOnlySpan<byte> address) => output.WriteAddress(address);

    public void WriteAddress(IPAddress address) => output.WriteAddress(address);

    public void WriteUtf8(string value) => output.WriteUtf8(value);

    public void TrimEnd(int count) => output.TrimRecordEnd(count);
}
