using System.Runtime.CompilerServices;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// A conntrack entry read in place from its netlink message: the fields a listing prints, without
/// building a <see cref="Flow"/> (no objects, no copies), for code that streams a large table and
/// keeps nothing. Valid while the message's bytes are (during <see cref="ConntrackClient.DumpMessages"/>'s
/// callback, for instance).
/// </summary>
/// <remarks>
/// <see cref="TryRead"/> accepts exactly the messages <see cref="FlowDecoder.Decode(NetlinkMessage)"/>
/// decodes, and every value reads as the decoder would set it on the <see cref="Flow"/> (the last of
/// repeated attributes, 32-bit counters widened). It declines, and the caller decodes the message
/// instead, when the message does not decode (the decoder then reports why) or holds what the view
/// does not offer: a master tuple, NAT ranges, sequence adjustment, a labels mask, or a helper or
/// security context name that is not valid UTF-8. Each thread that reads views keeps the layouts
/// of the last few kinds of entry it read (about 16 KiB), so that an entry laid out like one
/// before it is not walked attribute by attribute again.
/// </remarks>
public ref struct FlowView : IFilterableFlow<FlowTupleView>
{
    // Filled field by field in place by TryRead: the view is returned through an out parameter,
    // and assigning a whole one (a few hundred bytes of offsets) costs a block copy per entry.
    private ReadOnlySpan<byte> _message;
    private FlowViewOffsets _at;
    private IpFamily _family;

    // The message by reference: a NetlinkMessage is 40 bytes (a span and its header), and copying
    // it into every call made a listing measurably slower.
    /// <summary>Reads the entry in <paramref name="message"/> in place.</summary>
    /// <param name="message">An IPCTNL_MSG_CT_NEW or IPCTNL_MSG_CT_DELETE message (a dump's entry or an event).</param>
    /// <param name="view">The entry, when the method returns true.</param>
    /// <returns>False when the message must go through <see cref="FlowDecoder"/> instead (see the remarks).</returns>
    public static bool TryRead(scoped in NetlinkMessage message, out FlowView view)
    {
        view._message = message.Bytes;
        Unsafe.SkipInit(out view._at); // TryIndex sets all of it when it reads the message
        if (FlowViewReader.TryIndex(in message, ref view._at, out view._family))
        {
            return true;
        }

        view._message = default;
        view._at = default;
        return false;
    }

    /// <summary>The layer-3 family (nfgenmsg.nfgen_family), as <see cref="Flow.Family"/>.</summary>
    public readonly IpFamily Family => _family;

    /// <summary>CTA_TUPLE_ORIG.</summary>
    public readonly FlowTupleView Original => new(_message, in _at.Original);

    /// <summary>CTA_TUPLE_REPLY.</summary>
    public readonly FlowTupleView Reply => new(_message, in _at.Reply);

    /// <summary>CTA_STATUS.</summary>
    public readonly FlowStatus? Status => (FlowStatus?)UInt32(_at.Status);

    /// <summary>CTA_TIMEOUT: seconds left.</summary>
    public readonly uint? Timeout => UInt32(_at.Timeout);

    /// <summary>CTA_MARK.</summary>
    public readonly uint? Mark => UInt32(_at.Mark);

    /// <summary>CTA_SECMARK.</summary>
    public readonly uint? Secmark => UInt32(_at.Secmark);

    /// <summary>CTA_ZONE.</summary>
    public readonly ushort? Zone => _at.Zone == 0 ? null : ViewBytes.UInt16(_message, _at.Zone);

    /// <summary>CTA_USE.</summary>
    public readonly uint? Use => UInt32(_at.Use);

    /// <summary>CTA_ID.</summary>
    public readonly uint? Id => UInt32(_at.Id);

    /// <summary>CTA_PROTOINFO_TCP_STATE.</summary>
    public readonly TcpState? TcpState => _at.TcpState == 0 ? null : (TcpState)ViewBytes.Byte(_message, _at.TcpState);

    /// <summary>CTA_PROTOINFO_SCTP_STATE.</summary>
    public readonly SctpState? SctpState => _at.SctpState == 0 ? null : (SctpState)ViewBytes.Byte(_message, _at.SctpState);

    /// <summary>CTA_PROTOINFO_DCCP_STATE.</summary>
    public readonly DccpState? DccpState => _at.DccpState == 0 ? null : (DccpState)ViewBytes.Byte(_message, _at.DccpState);

    /// <summary>CTA_COUNTERS_ORIG.</summary>
    public readonly Counters? OriginalCounters => CountersAt(in _at.OriginalCounters);

    /// <summary>CTA_COUNTERS_REPLY.</summary>
    public readonly Counters? ReplyCounters => CountersAt(in _at.ReplyCounters);

    /// <summary>CTA_TIMESTAMP: start and stop in nanoseconds.</summary>
    public readonly FlowTimestamps? Timestamps => _at.HasTimestamps
        ? new FlowTimestamps(UInt64(_at.TimestampStart) ?? 0, UInt64(_at.TimestampStop))
        : null;

    /// <summary>Whether the message names a helper (<see cref="Flow.Helper"/> not null).</summary>
    public readonly bool HasHelper => _at.Helper.Present;

    /// <summary>CTA_HELP_NAME in UTF-8, without its NUL; empty when <see cref="HasHelper"/> is false.</summary>
    public readonly ReadOnlySpan<byte> Helper => Text(in _at.Helper);

    /// <summary>Whether the message has a security context (<see cref="Flow.SecurityContext"/> not null).</summary>
    public readonly bool HasSecurityContext => _at.SecurityContext.Present;

    /// <summary>CTA_SECCTX_NAME in UTF-8, without its NUL; empty when <see cref="HasSecurityContext"/> is false.</summary>
    public readonly ReadOnlySpan<byte> SecurityContext => Text(in _at.SecurityContext);

    /// <summary>Whether the message has CTA_LABELS (<see cref="Flow.Labels"/> not null).</summary>
    public readonly bool HasLabels => _at.Labels.Present;

    /// <summary>CTA_LABELS: the label bitmap; empty when <see cref="HasLabels"/> is false.</summary>
    public readonly ReadOnlySpan<byte> Labels => Text(in _at.Labels);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly uint? UInt32(int at) => at == 0 ? null : ViewBytes.UInt32(_message, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ulong? UInt64(int at) => at == 0 ? null : ViewBytes.UInt64(_message, at);

    private readonly Counters? CountersAt(scoped in FlowViewOffsets.Counters at)
    {
        if (!at.Present)
            return null;
        ulong packets = at.Packets == 0 ? 0 : at.Packets32 ? UInt32(at.Packets)!.Value : UInt64(at.Packets)!.Value;
        ulong bytes = at.Bytes == 0 ? 0 : at.Bytes32 ? UInt32(at.Bytes)!.Value : UInt64(at.Bytes)!.Value;
        return new Counters(packets, bytes);
    }

    private readonly ReadOnlySpan<byte> Text(scoped in FlowViewOffsets.Text at) => _message.Slice(at.Start, at.Length);
}
