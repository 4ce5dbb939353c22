using System.Runtime.CompilerServices;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// What <see cref="FlowViewReader"/>'s walk reads of a message, and where: it steps with
/// <see cref="AttributeFraming"/> and notes the offset of every attribute header it steps over.
/// Those headers (with the message's length) are all the walk's course depends on, unless it read
/// a value's contents (a name's NUL and UTF-8), which <see cref="DependsOnValues"/> records.
/// </summary>
internal ref struct LayoutRecording
{
    private readonly Span<int> _headers;
    private int _count;

    /// <param name="message">The message's first byte.</param>
    /// <param name="headers">Room for the header offsets; a walk that steps over more is not recorded.</param>
    public LayoutRecording(ref byte message, Span<int> headers)
    {
        Message = ref message;
        _headers = headers;
    }

    /// <summary>The message's first byte: every offset counts from it.</summary>
    public readonly ref byte Message;

    /// <summary>How many header offsets were noted; -1 when the walk's course cannot be told from them.</summary>
    public readonly int Count => _count;

    /// <summary><see cref="AttributeFraming.TryStep"/>, noting the header's offset when it steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Step(ref int next, int end, out int type, out int value, out int length)
    {
        int header = next;
        if (!AttributeFraming.TryStep(ref Message, ref next, end, out type, out value, out length))
            return false;
        if ((uint)_count < (uint)_headers.Length)
            _headers[_count++] = header;
        else
            _count = -1; // more than there is room for (and, once -1, stays so)
        return true;
    }

    /// <summary>The walk read a value's contents: its course depends on more than the headers.</summary>
    public void DependsOnValues() => _count = -1;
}
