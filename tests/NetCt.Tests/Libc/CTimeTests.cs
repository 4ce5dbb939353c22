using System.Text;
using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public sealed class CTimeTests
{
    // Expected values from glibc: a C program printing ctime() of each argument
    // (TZ=UTC ./ctime 0 1700000000 ... and TZ=Europe/Berlin ./ctime ...), newline removed.
    [Theory]
    [InlineData("UTC", 0L, "Thu Jan  1 00:00:00 1970")]
    [InlineData("UTC", 1700000000L, "Tue Nov 14 22:13:20 2023")]
    [InlineData("UTC", -62135596800L, "Mon Jan  1 00:00:00 1")]
    [InlineData("UTC", -59011459200L, "Fri Jan  1 00:00:00 100")]
    [InlineData("UTC", 253402300799L, "Fri Dec 31 23:59:59 9999")]
    [InlineData("Europe/Berlin", 1700000000L, "Tue Nov 14 23:13:20 2023")]
    [InlineData("Europe/Berlin", 1719835200L, "Mon Jul  1 14:00:00 2024")]
    public void FormatsAsGlibcCtime(string zone, long unixSeconds, string expected)
    {
        Span<byte> text = stackalloc byte[CTime.MaxLength];
        int length = CTime.Format(unixSeconds, TimeZoneInfo.FindSystemTimeZoneById(zone), text);
        Assert.Equal(expected, Encoding.ASCII.GetString(text[..length]));
    }
}
