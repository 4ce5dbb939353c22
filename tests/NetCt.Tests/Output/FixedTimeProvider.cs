namespace NetCt.Tests.Output;

/// <summary>A clock stopped at one instant, in a chosen local zone (for delta-time, ctime and &lt;when&gt;).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
{
    public FixedTimeProvider(long unixSeconds, string zoneId)
        : this(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), TimeZoneInfo.FindSystemTimeZoneById(zoneId))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => zone;
}
