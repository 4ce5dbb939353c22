using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// One walk over an entry message that records where each value of a <see cref="FlowView"/> lies.
/// It follows <see cref="FlowDecoder"/> attribute by attribute (the same nests walked to their end,
/// the same minimum value lengths, the last of repeated attributes kept, a nest's fields reset when
/// the nest repeats), and gives up wherever the decoder would throw, so that the caller's fallback
/// to the decoder reports the error.
/// </summary>
/// <remarks>
/// It steps with <see cref="AttributeFraming"/> (the rule <see cref="AttributeReader"/> iterates
/// with) and keeps its positions as offsets from the start of the message, in locals, instead of
/// a reader per nest: on the captured 200,000-entry dump that took the walk from about 245 to 210 ns
/// an entry (A/B, 3 of 3), and this walk exists for its speed. For the same reason a nest's
/// presence is stored, not derived from its offsets at every read. An entry laid out like one
/// walked before on the same thread is not walked at all (<see cref="FlowLayoutCache"/>).
/// </remarks>
internal static class FlowViewReader
{
    public static bool TryIndex(scoped in NetlinkMessage message, ref FlowViewOffsets at, out IpFamily family)
    {
        family = IpFamily.Unspecified;
        if (NfnlMessageType.Subsystem(message.Type) != NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK
            || message.Payload.Length < NfGenMessage.Size)
        {
            return false;
        }
        family = (IpFamily)message.ReadNfGenMessage().Family;

        ReadOnlySpan<byte> bytes = message.Bytes;
        FlowLayoutCache cache = FlowLayoutCache.Current;
        if (cache.TryMatch(bytes, ref at))
            return true;

        at = default;
        var layout = new LayoutRecording(ref MemoryMarshal.GetReference(bytes), cache.Recording);
        if (!TryWalk(ref layout, bytes.Length, ref at))
            return false;
        if (layout.Count >= 0)
            cache.Add(bytes, cache.Recording[..layout.Count], in at);
        return true;
    }

    private static bool TryWalk(ref LayoutRecording layout, int end, ref FlowViewOffsets at)
    {
        int next = NetlinkMessageHeader.Size + NfGenMessage.Size;
        while (layout.Step(ref next, end, out int type, out int value, out int length))
        {
            bool read = (CtattrType)type switch
            {
                CtattrType.CTA_TUPLE_ORIG => TryTuple(ref layout, value, length, ref at.Original),
                CtattrType.CTA_TUPLE_REPLY => TryTuple(ref layout, value, length, ref at.Reply),
                CtattrType.CTA_STATUS => TryValue(value, length, sizeof(uint), ref at.Status),
                CtattrType.CTA_PROTOINFO => TryProtocolInfo(ref layout, value, length, ref at),
                CtattrType.CTA_HELP => TryName(ref layout, value, length, (int)CtattrHelp.CTA_HELP_NAME, ref at.Helper),
                CtattrType.CTA_TIMEOUT => TryValue(value, length, sizeof(uint), ref at.Timeout),
                CtattrType.CTA_MARK => TryValue(value, length, sizeof(uint), ref at.Mark),
                CtattrType.CTA_COUNTERS_ORIG => TryCounters(ref layout, value, length, ref at.OriginalCounters),
                CtattrType.CTA_COUNTERS_REPLY => TryCounters(ref layout, value, length, ref at.ReplyCounters),
                CtattrType.CTA_USE => TryValue(value, length, sizeof(uint), ref at.Use),
                CtattrType.CTA_ID => TryValue(value, length, sizeof(uint), ref at.Id),
                CtattrType.CTA_SECMARK => TryValue(value, length, sizeof(uint), ref at.Secmark),
                CtattrType.CTA_ZONE => TryValue(value, length, sizeof(ushort), ref at.Zone),
                CtattrType.CTA_SECCTX => TryName(ref layout, value, length, (int)CtattrSecctx.CTA_SECCTX_NAME, ref at.SecurityContext),
                CtattrType.CTA_TIMESTAMP => TryTimestamps(ref layout, value, length, ref at),
                CtattrType.CTA_LABELS => TryLabels(value, length, ref at.Labels),
                CtattrType.CTA_SYNPROXY => TrySynproxy(ref layout, value, length),
                CtattrType.CTA_TIMESTAMP_EVENT => length >= sizeof(ulong),

                // Decoded into the Flow but not offered by the view: the caller decodes.
                CtattrType.CTA_TUPLE_MASTER or CtattrType.CTA_NAT_SRC or CtattrType.CTA_NAT_DST
                    or CtattrType.CTA_SEQ_ADJ_ORIG or CtattrType.CTA_SEQ_ADJ_REPLY or CtattrType.CTA_LABELS_MASK => false,

                // Types the decoder skips.
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryTuple(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets.Tuple tuple)
    {
        tuple = default;
        tuple.Present = true;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrTuple)type switch
            {
                CtattrTuple.CTA_TUPLE_IP => TryAddresses(ref layout, value, valueLength, ref tuple),
                CtattrTuple.CTA_TUPLE_PROTO => TryProtocol(ref layout, value, valueLength, ref tuple),
                CtattrTuple.CTA_TUPLE_ZONE => TryValue(value, valueLength, sizeof(ushort), ref tuple.Zone),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryAddresses(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets.Tuple tuple)
    {
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrIp)type switch
            {
                CtattrIp.CTA_IP_V4_SRC => TryAddress(value, valueLength, TupleDecoder.IPv4Length, ref tuple.Source, ref tuple.SourceLength),
                CtattrIp.CTA_IP_V4_DST => TryAddress(value, valueLength, TupleDecoder.IPv4Length, ref tuple.Destination, ref tuple.DestinationLength),
                CtattrIp.CTA_IP_V6_SRC => TryAddress(value, valueLength, TupleDecoder.IPv6Length, ref tuple.Source, ref tuple.SourceLength),
                CtattrIp.CTA_IP_V6_DST => TryAddress(value, valueLength, TupleDecoder.IPv6Length, ref tuple.Destination, ref tuple.DestinationLength),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryAddress(int value, int length, int size, ref int at, ref int atLength)
    {
        atLength = size;
        return TryValue(value, length, size, ref at);
    }

    // ICMP and ICMPv6 share the fields, as in the Flow.
    private static bool TryProtocol(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets.Tuple tuple)
    {
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrL4proto)type switch
            {
                CtattrL4proto.CTA_PROTO_NUM => TryValue(value, valueLength, sizeof(byte), ref tuple.Protocol),
                CtattrL4proto.CTA_PROTO_SRC_PORT => TryValue(value, valueLength, sizeof(ushort), ref tuple.SourcePort),
                CtattrL4proto.CTA_PROTO_DST_PORT => TryValue(value, valueLength, sizeof(ushort), ref tuple.DestinationPort),
                CtattrL4proto.CTA_PROTO_ICMP_ID or CtattrL4proto.CTA_PROTO_ICMPV6_ID => TryValue(value, valueLength, sizeof(ushort), ref tuple.IcmpId),
                CtattrL4proto.CTA_PROTO_ICMP_TYPE or CtattrL4proto.CTA_PROTO_ICMPV6_TYPE => TryValue(value, valueLength, sizeof(byte), ref tuple.IcmpType),
                CtattrL4proto.CTA_PROTO_ICMP_CODE or CtattrL4proto.CTA_PROTO_ICMPV6_CODE => TryValue(value, valueLength, sizeof(byte), ref tuple.IcmpCode),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryProtocolInfo(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets at)
    {
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrProtoinfo)type switch
            {
                CtattrProtoinfo.CTA_PROTOINFO_TCP => TryTcp(ref layout, value, valueLength, ref at.TcpState),
                CtattrProtoinfo.CTA_PROTOINFO_SCTP => TrySctp(ref layout, value, valueLength, ref at.SctpState),
                CtattrProtoinfo.CTA_PROTOINFO_DCCP => TryDccp(ref layout, value, valueLength, ref at.DccpState),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryTcp(ref LayoutRecording layout, int next, int length, ref int state)
    {
        state = 0;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrProtoinfoTcp)type switch
            {
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE => TryValue(value, valueLength, sizeof(byte), ref state),
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_ORIGINAL or CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_REPLY => valueLength >= sizeof(byte),
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_ORIGINAL or CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_REPLY => valueLength >= ProtocolInfoDecoder.TcpFlagsLength,
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TrySctp(ref LayoutRecording layout, int next, int length, ref int state)
    {
        state = 0;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrProtoinfoSctp)type switch
            {
                CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE => TryValue(value, valueLength, sizeof(byte), ref state),
                CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_ORIGINAL or CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_REPLY => valueLength >= sizeof(uint),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryDccp(ref LayoutRecording layout, int next, int length, ref int state)
    {
        state = 0;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrProtoinfoDccp)type switch
            {
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE => TryValue(value, valueLength, sizeof(byte), ref state),
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE => valueLength >= sizeof(byte),
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ => valueLength >= sizeof(ulong),
                _ => true,
            };
            if (!read)
                return false;
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryCounters(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets.Counters counters)
    {
        counters = default;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrCounters)type switch
            {
                CtattrCounters.CTA_COUNTERS_PACKETS => TryCounter(value, valueLength, wide: true, ref counters.Packets, ref counters.Packets32),
                CtattrCounters.CTA_COUNTERS_BYTES => TryCounter(value, valueLength, wide: true, ref counters.Bytes, ref counters.Bytes32),
                CtattrCounters.CTA_COUNTERS32_PACKETS => TryCounter(value, valueLength, wide: false, ref counters.Packets, ref counters.Packets32),
                CtattrCounters.CTA_COUNTERS32_BYTES => TryCounter(value, valueLength, wide: false, ref counters.Bytes, ref counters.Bytes32),
                _ => true,
            };
            if (!read)
                return false;
        }
        counters.Present = counters.Packets != 0 || counters.Bytes != 0;
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryCounter(int value, int length, bool wide, ref int at, ref bool narrow)
    {
        narrow = !wide;
        return TryValue(value, length, wide ? sizeof(ulong) : sizeof(uint), ref at);
    }

    private static bool TryTimestamps(ref LayoutRecording layout, int next, int length, ref FlowViewOffsets at)
    {
        at.TimestampStart = 0;
        at.TimestampStop = 0;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            bool read = (CtattrTstamp)type switch
            {
                CtattrTstamp.CTA_TIMESTAMP_START => TryValue(value, valueLength, sizeof(ulong), ref at.TimestampStart),
                CtattrTstamp.CTA_TIMESTAMP_STOP => TryValue(value, valueLength, sizeof(ulong), ref at.TimestampStop),
                _ => true,
            };
            if (!read)
                return false;
        }
        at.HasTimestamps = at.TimestampStart != 0 || at.TimestampStop != 0;
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TrySynproxy(ref LayoutRecording layout, int next, int length)
    {
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out _, out int valueLength))
        {
            if (type is (int)CtattrSynproxy.CTA_SYNPROXY_ISN or (int)CtattrSynproxy.CTA_SYNPROXY_ITS or (int)CtattrSynproxy.CTA_SYNPROXY_TSOFF
                && valueLength < sizeof(uint))
            {
                return false;
            }
        }
        return AttributeFraming.IsEnd(next, end);
    }

    // A NUL-terminated name in a nest (CTA_HELP, CTA_SECCTX). The Flow holds it as a string, so a
    // name that is not UTF-8 (which the string would carry as U+FFFD) is left to the decoder.
    private static bool TryName(ref LayoutRecording layout, int next, int length, int nameType, ref FlowViewOffsets.Text name)
    {
        name = default;
        int end = next + length;
        while (layout.Step(ref next, end, out int type, out int value, out int valueLength))
        {
            if (type != nameType)
                continue;
            layout.DependsOnValues();
            ReadOnlySpan<byte> text = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref layout.Message, value), valueLength);
            int nul = text.IndexOf((byte)0);
            if (nul >= 0)
                text = text[..nul];
            if (!Utf8.IsValid(text))
                return false;
            name = new FlowViewOffsets.Text { Present = true, Start = value, Length = text.Length };
        }
        return AttributeFraming.IsEnd(next, end);
    }

    private static bool TryLabels(int value, int length, ref FlowViewOffsets.Text labels)
    {
        labels = new FlowViewOffsets.Text { Present = true, Start = value, Length = length };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryValue(int value, int length, int size, ref int at)
    {
        if (length < size)
            return false;
        at = value;
        return true;
    }
}
