using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public class CNumberTests
{
    [Theory]
    [InlineData("0x10", 0, 16UL, 4)]
    [InlineData("010", 0, 8UL, 3)]
    [InlineData("08", 0, 0UL, 1)]
    [InlineData("0x", 0, 0UL, 1)]
    [InlineData("0xg", 0, 0UL, 1)]
    [InlineData(" \t12x", 0, 12UL, 4)]
    [InlineData("+5", 10, 5UL, 2)]
    [InlineData("-1", 0, ulong.MaxValue, 2)]
    [InlineData("-0", 10, 0UL, 2)]
    [InlineData("99999999999999999999", 10, ulong.MaxValue, 20)]
    [InlineData("abc", 0, 0UL, 0)]
    [InlineData("-", 10, 0UL, 0)]
    [InlineData("ff", 16, 255UL, 2)]
    public void StrToULReadsLikeGlibc(string text, int radix, ulong value, int end)
    {
        Assert.Equal(value, CNumber.StrToUL(text, radix, out int stop));
        Assert.Equal(end, stop);
    }

    [Theory]
    [InlineData("-9223372036854775809", long.MinValue)]
    [InlineData("9223372036854775808", long.MaxValue)]
    [InlineData("-42", -42L)]
    [InlineData("", 0L)]
    public void StrToLClampsOutOfRangeValues(string text, long value)
        => Assert.Equal(value, CNumber.StrToL(text, 10, out _));

    [Theory]
    [InlineData("70000", 70000)]
    [InlineData("4294967297", 1)]
    [InlineData("9223372036854775807", -1)]
    [InlineData("12abc", 12)]
    [InlineData("abc", 0)]
    public void AtoITruncatesTheLongResult(string text, int value) => Assert.Equal(value, CNumber.AtoI(text));
}
