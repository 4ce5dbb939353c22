using System.Net;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// The last two addresses one line printed and where their text lies in the line's record, so
/// that an address printed again is copied instead of formatted again: a reply tuple usually
/// holds the original's two addresses swapped, and <see cref="ReusableFlowDecoder"/> hands out
/// the same <see cref="IPAddress"/> instance for an address it just decoded. Lives for one line.
/// </summary>
internal struct RepeatedAddresses
{
    private IPAddress? _first;
    private int _firstOffset;
    private int _firstLength;
    private IPAddress? _second;
    private int _secondOffset;
    private int _secondLength;

    /// <summary>Writes <paramref name="address"/> as <see cref="FlowFields.WriteAddress"/> does, from the record when it was written before.</summary>
    public void Write(OutputBuffer output, IPAddress? address, IpFamily family)
    {
        if (address is not null && ReferenceEquals(address, _first))
        {
            output.WriteFromRecord(_firstOffset, _firstLength);
            return;
        }
        if (address is not null && ReferenceEquals(address, _second))
        {
            output.WriteFromRecord(_secondOffset, _secondLength);
            return;
        }

        int offset = output.RecordLength;
        FlowFields.WriteAddress(output, address, family);
        (_second, _secondOffset, _secondLength) = (_first, _firstOffset, _firstLength);
        (_first, _firstOffset, _firstLength) = (address, offset, output.RecordLength - offset);
    }
}
