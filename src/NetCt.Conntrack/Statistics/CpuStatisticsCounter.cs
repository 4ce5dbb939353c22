namespace NetCt.Conntrack;

/// <summary>One counter of a per-CPU statistics message, as the kernel sent it.</summary>
/// <param name="AttributeType">The attribute type: a CTA_STATS_* value, or a newer one this library does not know.</param>
/// <param name="Value">The u32 value.</param>
public readonly record struct CpuStatisticsCounter(ushort AttributeType, uint Value);
