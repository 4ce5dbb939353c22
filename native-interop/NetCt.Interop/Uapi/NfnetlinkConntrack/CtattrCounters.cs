namespace NetCt.Interop;

/// <summary><c>enum ctattr_counters</c>: members of a CTA_COUNTERS_* nest.</summary>
public enum CtattrCounters : ushort
{
    /// <summary>CTA_COUNTERS_UNSPEC.</summary>
    CTA_COUNTERS_UNSPEC = 0,

    /// <summary>CTA_COUNTERS_PACKETS: packets (u64).</summary>
    CTA_COUNTERS_PACKETS = 1,

    /// <summary>CTA_COUNTERS_BYTES: bytes (u64).</summary>
    CTA_COUNTERS_BYTES = 2,

    /// <summary>CTA_COUNTERS32_PACKETS: old 32-bit packet counter, unused.</summary>
    CTA_COUNTERS32_PACKETS = 3,

    /// <summary>CTA_COUNTERS32_BYTES: old 32-bit byte counter, unused.</summary>
    CTA_COUNTERS32_BYTES = 4,

    /// <summary>CTA_COUNTERS_PAD: padding for 64-bit alignment; ignore.</summary>
    CTA_COUNTERS_PAD = 5,
}
