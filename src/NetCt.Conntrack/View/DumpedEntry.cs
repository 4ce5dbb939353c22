using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// One entry of a table as <see cref="ConntrackClient.DumpMessages"/> hands it over: its netlink
/// message, and the entry read in place from it (<see cref="FlowView"/>), read at most once. A
/// filtered dump reads the view to judge the entry, so a handler that prints from the view does
/// not walk the message a second time. Valid while the message's bytes are.
/// </summary>
public ref struct DumpedEntry
{
    // A field, not an auto-property, so that TryRead can take the message by reference where it
    // lies (see there) rather than a copy returned by a getter.
    private readonly NetlinkMessage _message;
    private FlowView _view;
    private ViewState _state;

    /// <summary>An entry of <paramref name="message"/>, not read yet.</summary>
    /// <param name="message">An IPCTNL_MSG_CT_NEW or IPCTNL_MSG_CT_DELETE message (a dump's entry or an event).</param>
    public DumpedEntry(NetlinkMessage message)
    {
        _message = message;
        // TryRead fills the view when it is first asked for; zeroing its few hundred bytes for
        // every entry first would be wasted.
        Unsafe.SkipInit(out _view);
        _state = ViewState.NotRead;
    }

    private enum ViewState : byte
    {
        NotRead,
        Read,
        Declined,
    }

    /// <summary>The entry's message, for a caller that decodes it (<see cref="FlowDecoder"/>, <see cref="ReusableFlowDecoder"/>).</summary>
    public readonly NetlinkMessage Message => _message;

    /// <summary>
    /// Whether the entry reads in place: reads it (<see cref="FlowView.TryRead"/>) on the first
    /// call. False when the view declines the message, which must then be decoded.
    /// </summary>
    public bool HasView
    {
        // Asked twice for every entry of a listing (printer and View): the answer once known is
        // a comparison in the caller, the reading a call.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _state == ViewState.Read || (_state == ViewState.NotRead && Read());
    }

    /// <summary>The entry read in place (by reference, as <see cref="FlowFilter.Matches(ref FlowView)"/> takes it, to spare a copy).</summary>
    /// <exception cref="InvalidOperationException"><see cref="HasView"/> is false.</exception>
    [UnscopedRef]
    public ref FlowView View
    {
        get
        {
            if (!HasView)
                throw new InvalidOperationException("the entry does not read in place; decode its message");
            return ref _view;
        }
    }

    private bool Read()
    {
        _state = FlowView.TryRead(in _message, out _view) ? ViewState.Read : ViewState.Declined;
        return _state == ViewState.Read;
    }
}
