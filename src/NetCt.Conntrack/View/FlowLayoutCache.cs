using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>
/// The layouts of the entries this thread's <see cref="FlowViewReader"/> walked lately, each with
/// the offsets its walk found. A table has a handful of layouts (one per protocol, family and set
/// of optional attributes), repeated entry after entry: an entry whose message has the length and,
/// at the noted offsets, the very header words of a cached layout would be walked along exactly
/// the same course to exactly the same offsets, so they are copied instead. Comparing the headers
/// costs a fraction of the walk's dispatch on every attribute type.
/// </summary>
/// <remarks>
/// Per thread, so that concurrent readers need no lock. Layouts whose walk read a value's contents
/// (a helper or security-context name) are not cached: the same headers can hold other names.
/// </remarks>
internal sealed class FlowLayoutCache
{
    // Room for the headers of an entry with every attribute the view reads (about 45), and for
    // more layouts than the captured tables have (6 in the benchmark's, a dozen or so in others).
    private const int MaximumHeaders = 64;
    private const int Capacity = 16;

    [ThreadStatic]
    private static FlowLayoutCache? t_current;

    private readonly Layout[] _layouts = new Layout[Capacity];
    private int _count;
    private int _nextReplaced;

    /// <summary>This thread's cache.</summary>
    public static FlowLayoutCache Current => t_current ??= new FlowLayoutCache();

    /// <summary>Where a walk notes its header offsets (<see cref="LayoutRecording"/>).</summary>
    public int[] Recording { get; } = new int[MaximumHeaders];

    /// <summary>Copies the offsets of the cached layout <paramref name="message"/> has, if any.</summary>
    public bool TryMatch(ReadOnlySpan<byte> message, ref FlowViewOffsets at)
    {
        Layout[] layouts = _layouts;
        for (int i = 0; i < _count && i < layouts.Length; i++)
        {
            Layout layout = layouts[i];
            if (layout.MessageLength == message.Length && layout.Matches(message))
            {
                at = layout.At;
                return true;
            }
        }
        return false;
    }

    /// <summary>Caches the layout of a message that was walked, replacing the oldest when full.</summary>
    /// <param name="message">The message.</param>
    /// <param name="headers">The offsets of the headers the walk stepped over.</param>
    /// <param name="at">What the walk found.</param>
    public void Add(ReadOnlySpan<byte> message, ReadOnlySpan<int> headers, in FlowViewOffsets at)
    {
        Layout layout;
        if (_count < Capacity)
        {
            layout = _layouts[_count++] = new Layout();
        }
        else
        {
            layout = _layouts[_nextReplaced];
            _nextReplaced = (_nextReplaced + 1) % Capacity;
        }
        layout.Set(message, headers, at);
    }

    private sealed class Layout
    {
        private readonly int[] _offsets = new int[MaximumHeaders];
        private readonly uint[] _headers = new uint[MaximumHeaders];
        private int _count;

        public int MessageLength { get; private set; }

        public FlowViewOffsets At;

        public void Set(ReadOnlySpan<byte> message, ReadOnlySpan<int> headers, in FlowViewOffsets at)
        {
            MessageLength = message.Length;
            _count = headers.Length;
            for (int i = 0; i < headers.Length; i++)
            {
                _offsets[i] = headers[i];
                _headers[i] = MemoryMarshal.Read<uint>(message[headers[i]..]);
            }
            At = at;
        }

        // Every noted offset lay, header and all, inside a message of this length: no bounds to check.
        public bool Matches(ReadOnlySpan<byte> message)
        {
            ref byte bytes = ref MemoryMarshal.GetReference(message);
            ref int offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
            ref uint headers = ref MemoryMarshal.GetArrayDataReference(_headers);
            for (int i = 0; i < _count; i++)
            {
                if (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, Unsafe.Add(ref offsets, i))) != Unsafe.Add(ref headers, i))
                    return false;
            }
            return true;
        }
    }
}
