using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>Decodes the replies of IPCTNL_MSG_CT_GET_STATS_CPU and IPCTNL_MSG_CT_GET_STATS.</summary>
internal static class StatisticsDecoder
{
    public static CpuStatistics DecodeCpu(NetlinkMessage message)
    {
        try
        {
            ushort cpu = message.ReadNfGenMessage().ResourceId;
            var counters = new List<CpuStatisticsCounter>((int)CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG);
            AttributeReader reader = message.GetNfAttributes();
            while (reader.Next())
            {
                counters.Add(new CpuStatisticsCounter(reader.Type, reader.GetUInt32BigEndian()));
            }

            return new CpuStatistics(cpu, counters);
        }
        catch (NetlinkDecodeException e)
        {
            throw DecodeErrors.Within("per-CPU conntrack statistics", e);
        }
    }

    /// <summary>CTA_STATS_GLOBAL_ENTRIES and CTA_STATS_GLOBAL_MAX_ENTRIES of a global statistics reply, each null if absent.</summary>
    public static GlobalStatistics DecodeGlobal(NetlinkMessage message)
    {
        try
        {
            uint? entries = null;
            uint? maxEntries = null;
            AttributeReader reader = message.GetNfAttributes();
            while (reader.Next())
            {
                switch ((CtattrStatsGlobal)reader.Type)
                {
                    case CtattrStatsGlobal.CTA_STATS_GLOBAL_ENTRIES:
                        entries = reader.GetUInt32BigEndian();
                        break;
                    case CtattrStatsGlobal.CTA_STATS_GLOBAL_MAX_ENTRIES:
                        maxEntries = reader.GetUInt32BigEndian();
                        break;
                }
            }

            return new GlobalStatistics(entries, maxEntries);
        }
        catch (NetlinkDecodeException e)
        {
            throw DecodeErrors.Within("global conntrack statistics", e);
        }
    }
}
