using System.Net;
using System.Text;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Decodes ctnetlink conntrack messages into one <see cref="Flow"/> that it owns, reusing that
/// entry's tuples, protocol state, label bitmap, helper name and the addresses it has seen
/// recently, so that decoding a dump of any size allocates next to nothing per entry (only
/// addresses it has not seen lately, and the parts of rare entries: NAT ranges, security contexts).
/// </summary>
/// <remarks>
/// <see cref="Decode"/> returns the same instance every time, overwritten by the next call: read
/// it before then, or copy what you keep (<see cref="FlowDecoder.Decode(NetlinkMessage)"/> gives entries of their
/// own). Its <see cref="IPAddress"/> instances may be shared with later entries; they are
/// immutable, but do not set their <see cref="IPAddress.ScopeId"/>. Not thread-safe.
/// <see cref="ConntrackClient.DumpReusingEntry"/> streams a table dump through one.
/// </remarks>
/// <example>
/// <code>
/// var decoder = new ReusableFlowDecoder();
/// foreach (NetlinkMessage message in messages)
///     Print(decoder.Decode(message));
/// </code>
/// </example>
public sealed class ReusableFlowDecoder
{
    private readonly Flow _entry = new();
    private readonly FlowTuple _original = new();
    private readonly FlowTuple _reply = new();
    private readonly FlowTuple _master = new();
    private readonly TcpInfo _tcp = new();
    private readonly SctpInfo _sctp = new();
    private readonly DccpInfo _dccp = new();
    private byte[]? _labels;
    private string? _helper;
    private byte[] _helperUtf8 = [];

    internal AddressCache Addresses { get; } = new();

    /// <summary>Decodes one IPCTNL_MSG_CT_NEW or IPCTNL_MSG_CT_DELETE message into the reused entry.</summary>
    /// <param name="message">The message; only read during the call.</param>
    /// <returns>The reused entry, every field set from <paramref name="message"/> (null where it has no attribute).</returns>
    /// <exception cref="NetlinkDecodeException">The message is not a ctnetlink message or an attribute is malformed (the entry is then undefined).</exception>
    public Flow Decode(NetlinkMessage message) => FlowDecoder.Decode(message, this);

    /// <summary>The entry, cleared for the next message.</summary>
    internal Flow ClearedEntry()
    {
        _entry.Clear();
        return _entry;
    }

    internal FlowTuple ClearedTuple(CtattrType tupleAttribute)
    {
        FlowTuple tuple = tupleAttribute switch
        {
            CtattrType.CTA_TUPLE_ORIG => _original,
            CtattrType.CTA_TUPLE_REPLY => _reply,
            _ => _master,
        };
        tuple.Clear();
        return tuple;
    }

    internal TcpInfo ClearedTcp()
    {
        _tcp.Clear();
        return _tcp;
    }

    internal SctpInfo ClearedSctp()
    {
        _sctp.Clear();
        return _sctp;
    }

    internal DccpInfo ClearedDccp()
    {
        _dccp.Clear();
        return _dccp;
    }

    /// <summary>The label bitmap, in the previous entry's array when it has the same length.</summary>
    internal byte[] Labels(ReadOnlySpan<byte> value)
    {
        if (_labels is null || _labels.Length != value.Length)
            _labels = new byte[value.Length];
        value.CopyTo(_labels);
        return _labels;
    }

    /// <summary>A helper name, the previous one's string when the bytes are the same (most entries with a helper share a few).</summary>
    internal string HelperName(ReadOnlySpan<byte> utf8)
    {
        if (_helper is null || !utf8.SequenceEqual(_helperUtf8))
        {
            _helper = Encoding.UTF8.GetString(utf8);
            _helperUtf8 = utf8.ToArray();
        }

        return _helper;
    }
}
