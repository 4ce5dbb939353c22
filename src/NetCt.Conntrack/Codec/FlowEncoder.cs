using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Writes the CTA_* attributes of conntrack requests from a <see cref="Flow"/>; null fields are
/// not sent. Read-only fields (use, counters, timestamps, secmark, security context) never are.
/// A status is always sent with IPS_CONFIRMED set, as conntrack does.
/// </summary>
internal static class FlowEncoder
{
    /// <summary>The nfgenmsg family for a request about <paramref name="flow"/>: its own, else its tuples' addresses'.</summary>
    public static IpFamily FamilyOf(Flow flow)
    {
        if (flow.Family != IpFamily.Unspecified)
        {
            return flow.Family;
        }

        IpFamily family = flow.Original?.Family ?? IpFamily.Unspecified;
        return family != IpFamily.Unspecified ? family : flow.Reply?.Family ?? IpFamily.Unspecified;
    }

    /// <summary>The body of an IPCTNL_MSG_CT_NEW (create or update), in attribute-number order.</summary>
    public static void WriteNew(NetlinkWriter writer, Flow flow)
    {
        RequireTuple(flow);
        if (flow.Original is { } original)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_ORIG, original);
        }

        if (flow.Reply is { } reply)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_REPLY, reply);
        }

        if (flow.Status is FlowStatus status)
        {
            // The kernel marks entries created over netlink IPS_CONFIRMED before applying CTA_STATUS,
            // and entries it updates are confirmed too; a status without the bit would "clear" it: EBUSY.
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_STATUS, (uint)(status | FlowStatus.Confirmed));
        }

        ProtocolInfoEncoder.Write(writer, flow);
        if (flow.Helper is { } helper)
        {
            using (writer.BeginNested((ushort)CtattrType.CTA_HELP))
            {
                writer.PutString((ushort)CtattrHelp.CTA_HELP_NAME, helper);
            }
        }

        if (flow.SourceNat is { } sourceNat)
        {
            WriteNat(writer, CtattrType.CTA_NAT_SRC, sourceNat);
        }

        if (flow.Timeout is uint timeout)
        {
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_TIMEOUT, timeout);
        }

        if (flow.Mark is uint mark)
        {
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_MARK, mark);
        }

        if (flow.DestinationNat is { } destinationNat)
        {
            WriteNat(writer, CtattrType.CTA_NAT_DST, destinationNat);
        }

        if (flow.Master is { } master)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_MASTER, master);
        }

        if (flow.SequenceAdjustmentOriginal is { } adjustOriginal)
        {
            WriteSequenceAdjustment(writer, CtattrType.CTA_SEQ_ADJ_ORIG, adjustOriginal);
        }

        if (flow.SequenceAdjustmentReply is { } adjustReply)
        {
            WriteSequenceAdjustment(writer, CtattrType.CTA_SEQ_ADJ_REPLY, adjustReply);
        }

        if (flow.Zone is ushort zone)
        {
            writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, zone);
        }

        if (flow.Labels is { } labels)
        {
            writer.PutBytes((ushort)CtattrType.CTA_LABELS, labels);
        }

        if (flow.LabelsMask is { } labelsMask)
        {
            writer.PutBytes((ushort)CtattrType.CTA_LABELS_MASK, labelsMask);
        }

        if (flow.Synproxy is { } synproxy)
        {
            using (writer.BeginNested((ushort)CtattrType.CTA_SYNPROXY))
            {
                writer.PutUInt32BigEndian((ushort)CtattrSynproxy.CTA_SYNPROXY_ISN, synproxy.InitialSequence);
                writer.PutUInt32BigEndian((ushort)CtattrSynproxy.CTA_SYNPROXY_ITS, synproxy.InitialTimestamp);
                writer.PutUInt32BigEndian((ushort)CtattrSynproxy.CTA_SYNPROXY_TSOFF, synproxy.TimestampOffset);
            }
        }
    }

    /// <summary>The body of an IPCTNL_MSG_CT_GET for one entry: its original tuple (else its reply tuple) and zone.</summary>
    public static void WriteLookup(NetlinkWriter writer, Flow flow)
    {
        RequireTuple(flow);
        if (flow.Original is { } original)
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_ORIG, original);
        }
        else
        {
            TupleEncoder.Write(writer, CtattrType.CTA_TUPLE_REPLY, flow.Reply!);
        }

        if (flow.Zone is ushort zone)
        {
            writer.PutUInt16BigEndian((ushort)CtattrType.CTA_ZONE, zone);
        }
    }

    /// <summary>
    /// The body of an IPCTNL_MSG_CT_DELETE for one entry: the lookup, plus CTA_ID when known so that
    /// an entry recreated under the same tuple since it was read is not deleted by mistake.
    /// </summary>
    public static void WriteDelete(NetlinkWriter writer, Flow flow)
    {
        WriteLookup(writer, flow);
        if (flow.Id is uint id)
        {
            writer.PutUInt32BigEndian((ushort)CtattrType.CTA_ID, id);
        }
    }

    private static void RequireTuple(Flow flow)
    {
        if (flow.Original is null && flow.Reply is null)
        {
            throw new ArgumentException("the entry needs an original or a reply tuple", nameof(flow));
        }
    }

    private static void WriteNat(NetlinkWriter writer, CtattrType nestType, NatRange range)
    {
        using (writer.BeginNested((ushort)nestType))
        {
            if (range.MinAddress is { } min)
            {
                TupleEncoder.WriteAddress(writer, min, (ushort)CtattrNat.CTA_NAT_V4_MINIP, (ushort)CtattrNat.CTA_NAT_V6_MINIP);
            }

            if (range.MaxAddress is { } max)
            {
                TupleEncoder.WriteAddress(writer, max, (ushort)CtattrNat.CTA_NAT_V4_MAXIP, (ushort)CtattrNat.CTA_NAT_V6_MAXIP);
            }

            if (range.MinPort is not null || range.MaxPort is not null)
            {
                using (writer.BeginNested((ushort)CtattrNat.CTA_NAT_PROTO))
                {
                    if (range.MinPort is ushort minPort)
                    {
                        writer.PutUInt16BigEndian((ushort)CtattrProtonat.CTA_PROTONAT_PORT_MIN, minPort);
                    }

                    if (range.MaxPort is ushort maxPort)
                    {
                        writer.PutUInt16BigEndian((ushort)CtattrProtonat.CTA_PROTONAT_PORT_MAX, maxPort);
                    }
                }
            }
        }
    }

    private static void WriteSequenceAdjustment(NetlinkWriter writer, CtattrType nestType, SequenceAdjustment adjustment)
    {
        using (writer.BeginNested((ushort)nestType))
        {
            writer.PutUInt32BigEndian((ushort)CtattrSeqadj.CTA_SEQADJ_CORRECTION_POS, adjustment.CorrectionPosition);
            writer.PutUInt32BigEndian((ushort)CtattrSeqadj.CTA_SEQADJ_OFFSET_BEFORE, adjustment.OffsetBefore);
            writer.PutUInt32BigEndian((ushort)CtattrSeqadj.CTA_SEQADJ_OFFSET_AFTER, adjustment.OffsetAfter);
        }
    }
}
