using System.Net;

namespace NetCt.Cli.Output;

/// <summary>
/// What a line formatter writes with (<see cref="DefaultFlowFormatter"/>, written once for both
/// forms): <see cref="RecordLineWriter"/> into an <see cref="OutputBuffer"/> record, which checks
/// every write against the record's limit and cuts the line there as conntrack does, and
/// <see cref="UncheckedLineWriter"/> into room the caller has shown the whole line fits in, which
/// checks nothing (the listing's path: a line's writes were about 8% of its cost).
/// </summary>
internal interface ILineWriter
{
    void Write(scoped ReadOnlySpan<byte> bytes);

    void Write(byte value);

    /// <summary>printf <c>%u</c> / <c>%llu</c>.</summary>
    void WriteDecimal(ulong value);

    /// <summary>printf <c>%x</c>.</summary>
    void WriteHex(uint value);

    /// <summary>printf <c>%-Ns</c>.</summary>
    void WritePadded(scoped ReadOnlySpan<byte> text, int width);

    /// <summary>A 4- or 16-byte address in network order, as glibc's inet_ntop writes it.</summary>
    void WriteAddress(scoped ReadOnlySpan<byte> address);

    /// <summary>An address as glibc's inet_ntop writes it.</summary>
    void WriteAddress(IPAddress address);

    /// <summary>A string as UTF-8.</summary>
    void WriteUtf8(string value);

    /// <summary>Removes the last <paramref name="count"/> bytes of the line (nothing once a record was cut).</summary>
    void TrimEnd(int count);
}
