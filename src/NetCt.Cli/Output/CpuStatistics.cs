namespace NetCt.Cli.Output;

/// <summary>
/// One message of a per-CPU statistics dump (<c>-S</c>: IPCTNL_MSG_CT_GET_STATS_CPU, or
/// <c>-S expect</c>: IPCTNL_MSG_EXP_GET_STATS_CPU): the CPU number from nfgenmsg.res_id and the
/// u32 counters by attribute type (CTA_STATS_* or CTA_STATS_EXP_*), null where the kernel sent
/// none. conntrack prints the counters in attribute-type order.
/// </summary>
internal sealed class CpuStatistics
{
    /// <summary>
    /// The highest attribute type kept: CTA_STATS_CHAIN_TOOLONG (15) plus the four "unknownN"
    /// slots conntrack 1.4.8 keeps for counters of newer kernels. conntrack ignores higher types.
    /// </summary>
    public const int MaxAttributeType = 19;

    private readonly uint?[] _counters = new uint?[MaxAttributeType + 1];

    public CpuStatistics(ushort cpu) => Cpu = cpu;

    /// <summary>nfgenmsg.res_id (converted from network order).</summary>
    public ushort Cpu { get; }

    /// <summary>The counter of attribute <paramref name="attributeType"/>; setting a type above <see cref="MaxAttributeType"/> is ignored, as conntrack does.</summary>
    public uint? this[int attributeType]
    {
        get => attributeType is >= 0 and <= MaxAttributeType ? _counters[attributeType] : null;
        set
        {
            if (attributeType is >= 0 and <= MaxAttributeType)
                _counters[attributeType] = value;
        }
    }
}
