namespace NetCt.Interop;

/// <summary><c>enum ctattr_tstamp</c>: members of a CTA_TIMESTAMP nest.</summary>
public enum CtattrTstamp : ushort
{
    /// <summary>CTA_TIMESTAMP_UNSPEC.</summary>
    CTA_TIMESTAMP_UNSPEC = 0,

    /// <summary>CTA_TIMESTAMP_START: creation time in nanoseconds since the epoch (u64).</summary>
    CTA_TIMESTAMP_START = 1,

    /// <summary>CTA_TIMESTAMP_STOP: destruction time in nanoseconds since the epoch (u64).</summary>
    CTA_TIMESTAMP_STOP = 2,

    /// <summary>CTA_TIMESTAMP_PAD: padding for 64-bit alignment; ignore.</summary>
    CTA_TIMESTAMP_PAD = 3,
}
