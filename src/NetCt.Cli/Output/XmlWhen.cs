namespace NetCt.Cli.Output;

/// <summary>
/// The &lt;when&gt; element of libnetfilter_conntrack's XML (__snprintf_localtime_xml): the fields of
/// localtime(3), hour unpadded, minutes and seconds two digits, wday 1–7.
/// </summary>
internal static class XmlWhen
{
    /// <summary>Writes the element for the local time <paramref name="local"/>.</summary>
    public static void Write(OutputBuffer output, DateTime local)
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
