namespace NetCt.Netlink;

/// <summary>
/// Bytes from the kernel (or a fixture) did not decode: a truncated or oversized length, or a
/// value too short for the type read. The message says what was being decoded and where.
/// </summary>
public sealed class NetlinkDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was being decoded and what was wrong.</param>
    public NetlinkDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Wraps a lower-level decode failure with the context of the caller (for example the CTA_* being decoded).</summary>
    /// <param name="message">The outer context, usually followed by the inner message.</param>
    /// <param name="innerException">The original failure.</param>
    public NetlinkDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
