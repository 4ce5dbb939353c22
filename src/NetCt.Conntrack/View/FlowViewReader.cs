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
/// The nests are handed on as (message, value offset, length) and read with a reader made there,
/// not as the enclosing reader by <c>in</c> as the decoders do: on the captured 200,000-entry dump
/// that form printed 20 ns an entry slower (A/B, 3 of 3), and this walk exists for its speed. For
/// the same reason a nest's presence is stored, not derived from its offsets at every read.
/// </remarks>
internal static class FlowViewReader
{
    public static bool TryIndex(NetlinkMessage message, ref FlowViewOffsets at, out IpFamily family)
    {
        family = IpFamily.Unspecified;
        if (NfnlMessageType.Subsystem(message.Type) != NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK
            || message.Payload.Length < NfGenMessage.Size)
        {
            return false;
        }
        family = (IpFamily)message.ReadNfGenMessage().Family;

        ReadOnlySpan<byte> bytes = message.Bytes;
        AttributeReader reader = message.GetNfAttributes();
        while (reader.TryNext())
        {
            bool read = (CtattrType)reader.Type switch
            {
                CtattrType.CTA_TUPLE_ORIG => TryTuple(bytes, ValueOffset(in reader), reader.Value.Length, ref at.Original),
                CtattrType.CTA_TUPLE_REPLY => TryTuple(bytes, ValueOffset(in reader), reader.Value.Length, ref at.Reply),
                CtattrType.CTA_STATUS => TryValue(in reader, sizeof(uint), ref at.Status),
                CtattrType.CTA_PROTOINFO => TryProtocolInfo(bytes, ValueOffset(in reader), reader.Value.Length, ref at),
                CtattrType.CTA_HELP => TryName(bytes, ValueOffset(in reader), reader.Value.Length, (ushort)CtattrHelp.CTA_HELP_NAME, ref at.Helper),
                CtattrType.CTA_TIMEOUT => TryValue(in reader, sizeof(uint), ref at.Timeout),
                CtattrType.CTA_MARK => TryValue(in reader, sizeof(uint), ref at.Mark),
                CtattrType.CTA_COUNTERS_ORIG => TryCounters(bytes, ValueOffset(in reader), reader.Value.Length, ref at.OriginalCounters),
                CtattrType.CTA_COUNTERS_REPLY => TryCounters(bytes, ValueOffset(in reader), reader.Value.Length, ref at.ReplyCounters),
                CtattrType.CTA_USE => TryValue(in reader, sizeof(uint), ref at.Use),
                CtattrType.CTA_ID => TryValue(in reader, sizeof(uint), ref at.Id),
                CtattrType.CTA_SECMARK => TryValue(in reader, sizeof(uint), ref at.Secmark),
                CtattrType.CTA_ZONE => TryValue(in reader, sizeof(ushort), ref at.Zone),
                CtattrType.CTA_SECCTX => TryName(bytes, ValueOffset(in reader), reader.Value.Length, (ushort)CtattrSecctx.CTA_SECCTX_NAME, ref at.SecurityContext),
                CtattrType.CTA_TIMESTAMP => TryTimestamps(bytes, ValueOffset(in reader), reader.Value.Length, ref at),
                CtattrType.CTA_LABELS => TryLabels(in reader, ref at.Labels),
                CtattrType.CTA_SYNPROXY => TrySynproxy(bytes, ValueOffset(in reader), reader.Value.Length),
                CtattrType.CTA_TIMESTAMP_EVENT => HasValue(in reader, sizeof(ulong)),

                // Decoded into the Flow but not offered by the view: the caller decodes.
                CtattrType.CTA_TUPLE_MASTER or CtattrType.CTA_NAT_SRC or CtattrType.CTA_NAT_DST
                    or CtattrType.CTA_SEQ_ADJ_ORIG or CtattrType.CTA_SEQ_ADJ_REPLY or CtattrType.CTA_LABELS_MASK => false,

                // Types the decoder skips.
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryTuple(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets.Tuple tuple)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        tuple = default;
        tuple.Present = true;
        while (reader.TryNext())
        {
            bool read = (CtattrTuple)reader.Type switch
            {
                CtattrTuple.CTA_TUPLE_IP => TryAddresses(message, ValueOffset(in reader), reader.Value.Length, ref tuple),
                CtattrTuple.CTA_TUPLE_PROTO => TryProtocol(message, ValueOffset(in reader), reader.Value.Length, ref tuple),
                CtattrTuple.CTA_TUPLE_ZONE => TryValue(in reader, sizeof(ushort), ref tuple.Zone),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryAddresses(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets.Tuple tuple)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        while (reader.TryNext())
        {
            bool read = (CtattrIp)reader.Type switch
            {
                CtattrIp.CTA_IP_V4_SRC => TryAddress(in reader, TupleDecoder.IPv4Length, ref tuple.Source, ref tuple.SourceLength),
                CtattrIp.CTA_IP_V4_DST => TryAddress(in reader, TupleDecoder.IPv4Length, ref tuple.Destination, ref tuple.DestinationLength),
                CtattrIp.CTA_IP_V6_SRC => TryAddress(in reader, TupleDecoder.IPv6Length, ref tuple.Source, ref tuple.SourceLength),
                CtattrIp.CTA_IP_V6_DST => TryAddress(in reader, TupleDecoder.IPv6Length, ref tuple.Destination, ref tuple.DestinationLength),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryAddress(in AttributeReader reader, int length, ref int at, ref int atLength)
    {
        atLength = length;
        return TryValue(in reader, length, ref at);
    }

    // ICMP and ICMPv6 share the fields, as in the Flow.
    private static bool TryProtocol(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets.Tuple tuple)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        while (reader.TryNext())
        {
            bool read = (CtattrL4proto)reader.Type switch
            {
                CtattrL4proto.CTA_PROTO_NUM => TryValue(in reader, sizeof(byte), ref tuple.Protocol),
                CtattrL4proto.CTA_PROTO_SRC_PORT => TryValue(in reader, sizeof(ushort), ref tuple.SourcePort),
                CtattrL4proto.CTA_PROTO_DST_PORT => TryValue(in reader, sizeof(ushort), ref tuple.DestinationPort),
                CtattrL4proto.CTA_PROTO_ICMP_ID or CtattrL4proto.CTA_PROTO_ICMPV6_ID => TryValue(in reader, sizeof(ushort), ref tuple.IcmpId),
                CtattrL4proto.CTA_PROTO_ICMP_TYPE or CtattrL4proto.CTA_PROTO_ICMPV6_TYPE => TryValue(in reader, sizeof(byte), ref tuple.IcmpType),
                CtattrL4proto.CTA_PROTO_ICMP_CODE or CtattrL4proto.CTA_PROTO_ICMPV6_CODE => TryValue(in reader, sizeof(byte), ref tuple.IcmpCode),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryProtocolInfo(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets at)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        while (reader.TryNext())
        {
            bool read = (CtattrProtoinfo)reader.Type switch
            {
                CtattrProtoinfo.CTA_PROTOINFO_TCP => TryTcp(message, ValueOffset(in reader), reader.Value.Length, ref at.TcpState),
                CtattrProtoinfo.CTA_PROTOINFO_SCTP => TrySctp(message, ValueOffset(in reader), reader.Value.Length, ref at.SctpState),
                CtattrProtoinfo.CTA_PROTOINFO_DCCP => TryDccp(message, ValueOffset(in reader), reader.Value.Length, ref at.DccpState),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryTcp(ReadOnlySpan<byte> message, int start, int length, ref int state)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        state = 0;
        while (reader.TryNext())
        {
            bool read = (CtattrProtoinfoTcp)reader.Type switch
            {
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_STATE => TryValue(in reader, sizeof(byte), ref state),
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_ORIGINAL or CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_WSCALE_REPLY => HasValue(in reader, sizeof(byte)),
                CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_ORIGINAL or CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_REPLY => HasValue(in reader, ProtocolInfoDecoder.TcpFlagsLength),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TrySctp(ReadOnlySpan<byte> message, int start, int length, ref int state)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        state = 0;
        while (reader.TryNext())
        {
            bool read = (CtattrProtoinfoSctp)reader.Type switch
            {
                CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_STATE => TryValue(in reader, sizeof(byte), ref state),
                CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_ORIGINAL or CtattrProtoinfoSctp.CTA_PROTOINFO_SCTP_VTAG_REPLY => HasValue(in reader, sizeof(uint)),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryDccp(ReadOnlySpan<byte> message, int start, int length, ref int state)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        state = 0;
        while (reader.TryNext())
        {
            bool read = (CtattrProtoinfoDccp)reader.Type switch
            {
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE => TryValue(in reader, sizeof(byte), ref state),
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE => HasValue(in reader, sizeof(byte)),
                CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ => HasValue(in reader, sizeof(ulong)),
                _ => true,
            };
            if (!read)
                return false;
        }
        return !reader.IsMalformed;
    }

    private static bool TryCounters(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets.Counters counters)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        counters = default;
        while (reader.TryNext())
        {
            bool read = (CtattrCounters)reader.Type switch
            {
                CtattrCounters.CTA_COUNTERS_PACKETS => TryCounter(in reader, wide: true, ref counters.Packets, ref counters.Packets32),
                CtattrCounters.CTA_COUNTERS_BYTES => TryCounter(in reader, wide: true, ref counters.Bytes, ref counters.Bytes32),
                CtattrCounters.CTA_COUNTERS32_PACKETS => TryCounter(in reader, wide: false, ref counters.Packets, ref counters.Packets32),
                CtattrCounters.CTA_COUNTERS32_BYTES => TryCounter(in reader, wide: false, ref counters.Bytes, ref counters.Bytes32),
                _ => true,
            };
            if (!read)
                return false;
        }
        counters.Present = counters.Packets != 0 || counters.Bytes != 0;
        return !reader.IsMalformed;
    }

    private static bool TryCounter(in AttributeReader reader, bool wide, ref int at, ref bool narrow)
    {
        narrow = !wide;
        return TryValue(in reader, wide ? sizeof(ulong) : sizeof(uint), ref at);
    }

    private static bool TryTimestamps(ReadOnlySpan<byte> message, int start, int length, ref FlowViewOffsets at)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        at.TimestampStart = 0;
        at.TimestampStop = 0;
        while (reader.TryNext())
        {
            bool read = (CtattrTstamp)reader.Type switch
            {
                CtattrTstamp.CTA_TIMESTAMP_START => TryValue(in reader, sizeof(ulong), ref at.TimestampStart),
                CtattrTstamp.CTA_TIMESTAMP_STOP => TryValue(in reader, sizeof(ulong), ref at.TimestampStop),
                _ => true,
            };
            if (!read)
                return false;
        }
        at.HasTimestamps = at.TimestampStart != 0 || at.TimestampStop != 0;
        return !reader.IsMalformed;
    }

    private static bool TrySynproxy(ReadOnlySpan<byte> message, int start, int length)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        while (reader.TryNext())
        {
            if (reader.Type is (ushort)CtattrSynproxy.CTA_SYNPROXY_ISN or (ushort)CtattrSynproxy.CTA_SYNPROXY_ITS or (ushort)CtattrSynproxy.CTA_SYNPROXY_TSOFF
                && !HasValue(in reader, sizeof(uint)))
            {
                return false;
            }
        }
        return !reader.IsMalformed;
    }

    // A NUL-terminated name in a nest (CTA_HELP, CTA_SECCTX). The Flow holds it as a string, so a
    // name that is not UTF-8 (which the string would carry as U+FFFD) is left to the decoder.
    private static bool TryName(ReadOnlySpan<byte> message, int start, int length, ushort nameType, ref FlowViewOffsets.Text name)
    {
        AttributeReader reader = new(message.Slice(start, length), start);
        name = default;
        while (reader.TryNext())
        {
            if (reader.Type != nameType)
                continue;
            ReadOnlySpan<byte> text = reader.GetStringBytes();
            if (!Utf8.IsValid(text))
                return false;
            name = new FlowViewOffsets.Text { Present = true, Start = ValueOffset(in reader), Length = text.Length };
        }
        return !reader.IsMalformed;
    }

    private static bool TryLabels(in AttributeReader reader, ref FlowViewOffsets.Text labels)
    {
        labels = new FlowViewOffsets.Text { Present = true, Start = ValueOffset(in reader), Length = reader.Value.Length };
        return true;
    }

    private static bool TryValue(in AttributeReader reader, int size, ref int at)
    {
        if (reader.Value.Length < size)
            return false;
        at = ValueOffset(in reader);
        return true;
    }

    private static bool HasValue(in AttributeReader reader, int size) => reader.Value.Length >= size;

    private static int ValueOffset(in AttributeReader reader) => reader.Offset + NetlinkLayout.NLA_HDRLEN;
}
