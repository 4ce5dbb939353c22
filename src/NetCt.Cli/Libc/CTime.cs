namespace NetCt.Cli.Libc;

/// <summary>
/// ctime(3) in the local zone, which libnetfilter_conntrack prints for <c>[start=…]</c> and
/// <c>[stop=…]</c>: <c>"%.3s %.3s%3d %.2d:%.2d:%.2d %d"</c> without its newline, e.g.
/// "Thu Jan  1 00:00:00 1970".
/// </summary>
internal static class CTime
{
    /// <summary>The longest text: a four-digit year, the most .NET's dates reach.</summary>
    public const int MaxLength = 24;

    private static ReadOnlySpan<byte> DayNames => "SunMonTueWedThuFriSat"u8;

    private static ReadOnlySpan<byte> MonthNames => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>Formats <paramref name="unixSeconds"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns the length.</summary>
    public static int Format(long unixSeconds, TimeZoneInfo zone, Span<byte> destination)
    {
        DateTime local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone).DateTime;
        DayNames.Slice(3 * (int)local.DayOfWeek, 3).CopyTo(destination);
        destination[3] = (byte)' ';
        MonthNames.Slice(3 * (local.Month - 1), 3).CopyTo(destination[4..]);
        destination[7] = (byte)' ';
        destination[8] = local.Day < 10 ? (byte)' ' : (byte)('0' + local.Day / 10);
        destination[9] = (byte)('0' + local.Day % 10);
        destination[10] = (byte)' ';
        WriteTwoDigits(destination[11..], local.Hour);
        destination[13] = (byte)':';
        WriteTwoDigits(destination[14..], local.Minute);
        destination[16] = (byte)':';
        WriteTwoDigits(destination[17..], local.Second);
        destination[19] = (byte)' ';
        int length = 20;
        int year = local.Year;
        for (int divisor = year >= 1000 ? 1000 : year >= 100 ? 100 : year >= 10 ? 10 : 1; divisor > 0; divisor /= 10)
            destination[length++] = (byte)('0' + year / divisor % 10);
        return length;
    }

    private static void WriteTwoDigits(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + value / 10);
        destination[1] = (byte)('0' + value % 10);
    }
}
