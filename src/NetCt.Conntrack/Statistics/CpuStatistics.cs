namespace NetCt.Conntrack;

/// <summary>
/// The conntrack counters of one CPU (one message of an IPCTNL_MSG_CT_GET_STATS_CPU dump). The
/// counters are kept raw, in the order the kernel sent them, so that a formatter can name the
/// CTA_STATS_* types it knows and still show the ones newer kernels add.
/// </summary>
public sealed class CpuStatistics
{
    /// <summary>Creates the statistics of one CPU.</summary>
    /// <param name="cpu">The CPU number (nfgenmsg.res_id).</param>
    /// <param name="counters">The counters in the order received.</param>
    public CpuStatistics(ushort cpu, IReadOnlyList<CpuStatisticsCounter> counters)
    {
        Cpu = cpu;
        Counters = counters;
    }

    /// <summary>The CPU number, from nfgenmsg.res_id (sent big-endian).</summary>
    public ushort Cpu { get; }

    /// <summary>Every u32 attribute of the message, in the order received.</summary>
    public IReadOnlyList<CpuStatisticsCounter> Counters { get; }

    /// <summary>The value of attribute <paramref name="attributeType"/>, or null if the kernel did not send it.</summary>
    /// <param name="attributeType">A CTA_STATS_* type.</param>
    /// <returns>The value, or null.</returns>
    public uint? this[ushort attributeType]
    {
        get
        {
            foreach (CpuStatisticsCounter counter in Counters)
            {
                if (counter.AttributeType == attributeType)
                {
                    return counter.Value;
                }
            }

            return null;
        }
    }
}
