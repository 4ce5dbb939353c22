using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Decodes the nests of the kernel's conntrack extensions: accounting (CTA_COUNTERS_*), timestamps
/// (CTA_TIMESTAMP), sequence adjustment (CTA_SEQ_ADJ_*) and synproxy (CTA_SYNPROXY). The model
/// keeps these as value records, so a member the kernel left out reads as 0; a nest with none of
/// its members stays null.
/// </summary>
/// <remarks>Each method takes the reader positioned on its nest (<c>nest</c>, by <c>in</c>; see <see cref="AttributeReader.GetNested"/>).</remarks>
internal static class ExtensionDecoder
{
    public static Counters? DecodeCounters(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        ulong packets = 0;
        ulong bytes = 0;
        bool any = false;
        try
        {
            while (reader.Next())
            {
                switch ((CtattrCounters)reader.Type)
                {
                    case CtattrCounters.CTA_COUNTERS_PACKETS:
                        packets = reader.GetUInt64BigEndian();
                        any = true;
                        break;
                    case CtattrCounters.CTA_COUNTERS_BYTES:
                        bytes = reader.GetUInt64BigEndian();
                        any = true;
                        break;

                    // The 32-bit forms date from kernels before 2.6.27.
                    case CtattrCounters.CTA_COUNTERS32_PACKETS:
                        packets = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                    case CtattrCounters.CTA_COUNTERS32_BYTES:
                        bytes = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrCounters>(reader.Type, e);
        }

        return any ? new Counters(packets, bytes) : null;
    }

    public static FlowTimestamps? DecodeTimestamps(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        ulong? start = null;
        ulong? stop = null;
        try
        {
            while (reader.Next())
            {
                switch ((CtattrTstamp)reader.Type)
                {
                    case CtattrTstamp.CTA_TIMESTAMP_START:
                        start = reader.GetUInt64BigEndian();
                        break;
                    case CtattrTstamp.CTA_TIMESTAMP_STOP:
                        stop = reader.GetUInt64BigEndian();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrTstamp>(reader.Type, e);
        }

        return start is null && stop is null ? null : new FlowTimestamps(start ?? 0, stop);
    }

    public static SequenceAdjustment? DecodeSequenceAdjustment(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        uint position = 0;
        uint before = 0;
        uint after = 0;
        bool any = false;
        try
        {
            while (reader.Next())
            {
                switch ((CtattrSeqadj)reader.Type)
                {
                    case CtattrSeqadj.CTA_SEQADJ_CORRECTION_POS:
                        position = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                    case CtattrSeqadj.CTA_SEQADJ_OFFSET_BEFORE:
                        before = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                    case CtattrSeqadj.CTA_SEQADJ_OFFSET_AFTER:
                        after = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrSeqadj>(reader.Type, e);
        }

        return any ? new SequenceAdjustment(position, before, after) : null;
    }

    public static SynproxyInfo? DecodeSynproxy(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        uint sequence = 0;
        uint timestamp = 0;
        uint offset = 0;
        bool any = false;
        try
        {
            while (reader.Next())
            {
                switch ((CtattrSynproxy)reader.Type)
                {
                    case CtattrSynproxy.CTA_SYNPROXY_ISN:
                        sequence = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                    case CtattrSynproxy.CTA_SYNPROXY_ITS:
                        timestamp = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                    case CtattrSynproxy.CTA_SYNPROXY_TSOFF:
                        offset = reader.GetUInt32BigEndian();
                        any = true;
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrSynproxy>(reader.Type, e);
        }

        return any ? new SynproxyInfo(sequence, timestamp, offset) : null;
    }
}
