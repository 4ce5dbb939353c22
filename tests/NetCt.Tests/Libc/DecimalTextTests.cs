using System.Globalization;
using System.Text;
using NetCt.Cli.Libc;

namespace NetCt.Tests.Libc;

public sealed class DecimalTextTests
{
    [Fact]
    public void Writes_every_digit_count_boundary_like_printf()
    {
        var values = new List<uint> { 0, uint.MaxValue, uint.MaxValue - 1 };
        for (ulong power = 1; power <= uint.MaxValue; power *= 10)
        {
            values.Add((uint)power);
            values.Add((uint)(power - 1));
            if (power + 1 <= uint.MaxValue)
                values.Add((uint)(power + 1));
        }
        foreach (uint value in values)
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Format(value));
    }

    [Fact]
    public void Writes_a_spread_of_values_like_printf()
    {
        var random = new Random(20261206);
        for (int i = 0; i < 100_000; i++)
        {
            // Every magnitude equally often: a random bit length, then a random value of it.
            uint value = (uint)random.NextInt64(0, 1L << random.Next(1, 33));
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Format(value));
        }
    }

    [Fact]
    public void Writes_no_byte_past_the_text()
    {
        byte[] destination = new byte[DecimalText.MaxLength + 1];
        Array.Fill(destination, (byte)'#');
        Assert.Equal(4, DecimalText.Write(4096, ref destination[0]));
        Assert.Equal("4096#######", Encoding.ASCII.GetString(destination));
    }

    private static string Format(uint value)
    {
        byte[] destination = new byte[DecimalText.MaxLength];
        int length = DecimalText.Write(value, ref destination[0]);
        return Encoding.ASCII.GetString(destination, 0, length);
    }
}
