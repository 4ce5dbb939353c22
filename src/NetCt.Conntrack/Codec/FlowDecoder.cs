using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Turns a ctnetlink conntrack message (a dump part, a GET reply or an event) into a <see cref="Flow"/>.
/// Unknown attributes are skipped; absent attributes leave their fields null; a length that does
/// not fit throws <see cref="NetlinkDecodeException"/> naming the attribute path being decoded.
/// </summary>
public static class FlowDecoder
{
    /// <summary>Decodes one IPCTNL_MSG_CT_NEW or IPCTNL_MSG_CT_DELETE message: nfgenmsg, then CTA_* attributes.</summary>
    /// <param name="message">The message; only read during the call.</param>
    /// <returns>A new entry whose family comes from nfgenmsg.</returns>
    /// <exception cref="NetlinkDecodeException">The message is not a ctnetlink message or an attribute is malformed.</exception>
    public static Flow Decode(NetlinkMessage message) => Decode(message, reuse: null);

    /// <summary>Decodes into a new entry, or into the one <paramref name="reuse"/> owns, with its parts.</summary>
    internal static Flow Decode(NetlinkMessage message, ReusableFlowDecoder? reuse)
    {
        if (NfnlMessageType.Subsystem(message.Type) != NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK)
        {
            throw new NetlinkDecodeException($"conntrack entry: message type 0x{message.Type:x4} is not a ctnetlink message");
        }

        try
        {
            Flow flow = reuse?.ClearedEntry() ?? new Flow();
            flow.Family = (IpFamily)message.ReadNfGenMessage().Family;
            DecodeAttributes(message.GetNfAttributes(), flow, reuse);
            return flow;
        }
        catch (NetlinkDecodeException e)
        {
            throw DecodeErrors.Within("conntrack entry", e);
        }
    }

    private static void DecodeAttributes(AttributeReader reader, Flow flow, ReusableFlowDecoder? reuse)
    {
        try
        {
            while (reader.Next())
            {
                switch (reader.Type)
                {
                    case (ushort)CtattrType.CTA_TUPLE_ORIG:
                        flow.Original = TupleDecoder.Decode(in reader, reuse?.ClearedTuple(CtattrType.CTA_TUPLE_ORIG), reuse?.Addresses);
                        break;
                    case (ushort)CtattrType.CTA_TUPLE_REPLY:
                        flow.Reply = TupleDecoder.Decode(in reader, reuse?.ClearedTuple(CtattrType.CTA_TUPLE_REPLY), reuse?.Addresses);
                        break;
                    case (ushort)CtattrType.CTA_TUPLE_MASTER:
                        flow.Master = TupleDecoder.Decode(in reader, reuse?.ClearedTuple(CtattrType.CTA_TUPLE_MASTER), reuse?.Addresses);
                        break;
                    case (ushort)CtattrType.CTA_STATUS:
                        flow.Status = (FlowStatus)reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_PROTOINFO:
                        ProtocolInfoDecoder.Decode(in reader, flow, reuse);
                        break;
                    case (ushort)CtattrType.CTA_HELP:
                        flow.Helper = DecodeName(in reader, (ushort)CtattrHelp.CTA_HELP_NAME, reuse);
                        break;
                    case (ushort)CtattrType.CTA_NAT_SRC:
                        flow.SourceNat = NatRangeDecoder.Decode(in reader);
                        break;
                    case (ushort)CtattrType.CTA_NAT_DST:
                        flow.DestinationNat = NatRangeDecoder.Decode(in reader);
                        break;
                    case (ushort)CtattrType.CTA_TIMEOUT:
                        flow.Timeout = reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_MARK:
                        flow.Mark = reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_COUNTERS_ORIG:
                        flow.OriginalCounters = ExtensionDecoder.DecodeCounters(in reader);
                        break;
                    case (ushort)CtattrType.CTA_COUNTERS_REPLY:
                        flow.ReplyCounters = ExtensionDecoder.DecodeCounters(in reader);
                        break;
                    case (ushort)CtattrType.CTA_USE:
                        flow.Use = reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_ID:
                        flow.Id = reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_SEQ_ADJ_ORIG:
                        flow.SequenceAdjustmentOriginal = ExtensionDecoder.DecodeSequenceAdjustment(in reader);
                        break;
                    case (ushort)CtattrType.CTA_SEQ_ADJ_REPLY:
                        flow.SequenceAdjustmentReply = ExtensionDecoder.DecodeSequenceAdjustment(in reader);
                        break;
                    case (ushort)CtattrType.CTA_SECMARK:
                        flow.Secmark = reader.GetUInt32BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_ZONE:
                        flow.Zone = reader.GetUInt16BigEndian();
                        break;
                    case (ushort)CtattrType.CTA_SECCTX:
                        flow.SecurityContext = DecodeName(in reader, (ushort)CtattrSecctx.CTA_SECCTX_NAME, reuse: null);
                        break;
                    case (ushort)CtattrType.CTA_TIMESTAMP:
                        flow.Timestamps = ExtensionDecoder.DecodeTimestamps(in reader);
                        break;
                    case (ushort)CtattrType.CTA_LABELS:
                        flow.Labels = reuse?.Labels(reader.Value) ?? reader.Value.ToArray();
                        break;
                    case (ushort)CtattrType.CTA_LABELS_MASK:
                        flow.LabelsMask = reader.Value.ToArray();
                        break;
                    case (ushort)CtattrType.CTA_SYNPROXY:
                        flow.Synproxy = ExtensionDecoder.DecodeSynproxy(in reader);
                        break;
                    case (ushort)CtattrType.CTA_TIMESTAMP_EVENT:
                        flow.EventTimestamp = reader.GetUInt64BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrType>(reader.Type, e);
        }
    }

    /// <summary>The string member of a one-member nest (CTA_HELP_NAME, CTA_SECCTX_NAME), or null if absent.</summary>
    private static string? DecodeName(in AttributeReader nest, ushort nameType, ReusableFlowDecoder? reuse)
    {
        AttributeReader reader = nest.GetNested();
        string? name = null;
        while (reader.Next())
        {
            if (reader.Type == nameType)
            {
                name = reuse?.HelperName(reader.GetStringBytes()) ?? reader.GetString();
            }
        }

        return name;
    }
}
