namespace NetCt.Cli.Output;

/// <summary>
/// The two ways libnetfilter_conntrack prints a time in the local zone: ctime(3) for
/// <c>[start=…]</c>/<c>[stop=…]</c> and the &lt;when&gt; fields of localtime(3) in XML.
/// </summary>
internal static class LocalTimeText
{
    private static readonly byte[][] DayNames =
    [
        "Sun"u8.ToArray(), "Mon"u8.ToArray(), "Tue"u8.ToArray(), "Wed"u8.ToArray(),
        "Thu"u8.ToArray(), "Fri"u8.ToArray(), "Sat"u8.ToArray(),
    ];

    private static readonly byte[][] MonthNames =
    [
        "Jan"u8.ToArray(), "Feb"u8.ToArray(), "Mar"u8.ToArray(), "Apr"u8.ToArray(),
        "May"u8.ToArray(), "Jun"u8.ToArray(), "Jul"u8.ToArray(), "Aug"u8.ToArray(),
        "Sep"u8.ToArray(), "Oct"u8.ToArray(), "Nov"u8.ToArray(), "Dec"u8.ToArray(),
    ];

    public static DateTime ToLocal(long unixSeconds, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone).DateTime;

    /// <summary>ctime(3) without its newline: <c>"%.3s %.3s%3d %.2d:%.2d:%.2d %d"</c>, e.g. "Thu Jan  1 00:00:00 1970".</summary>
    public static void WriteCTime(OutputBuffer output, long unixSeconds, TimeZoneInfo zone)
    {
        DateTime local = ToLocal(unixSeconds, zone);
        output.Write(DayNames[(int)local.DayOfWeek]);
        output.WriteSpace();
        output.Write(MonthNames[local.Month - 1]);
        output.Write(local.Day < 10 ? "  "u8 : " "u8);
        output.WriteDecimal((ulong)local.Day);
        output.WriteSpace();
        WriteTwoDigits(output, local.Hour);
        output.Write((byte)':');
        WriteTwoDigits(output, local.Minute);
        output.Write((byte)':');
        WriteTwoDigits(output, local.Second);
        output.WriteSpace();
        output.WriteDecimal((ulong)local.Year);
    }

    /// <summary>The &lt;when&gt; children of __snprintf_localtime_xml: hour unpadded, minutes and seconds two digits, wday 1–7.</summary>
    public static void WriteXmlWhen(OutputBuffer output, DateTime local)
    {
        output.Write("<when><hour>"u8);
        output.WriteDecimal((ulong)local.Hour);
        output.Write("</hour><min>"u8);
        WriteTwoDigits(output, local.Minute);
        output.Write("</min><sec>"u8);
        WriteTwoDigits(output, local.Second);
        output.Write("</sec><wday>"u8);
        output.WriteDecimal((ulong)local.DayOfWeek + 1);
        output.Write("</wday><day>"u8);
        output.WriteDecimal((ulong)local.Day);
        output.Write("</day><month>"u8);
        output.WriteDecimal((ulong)local.Month);
        output.Write("</month><year>"u8);
        output.WriteDecimal((ulong)local.Year);
        output.Write("</year></when>"u8);
    }

    private static void WriteTwoDigits(OutputBuffer output, int value) => output.WriteDecimal((ulong)value, 2);
}
