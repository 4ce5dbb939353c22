using System.Net;
using System.Text;
using NetCt.Cli.Output;

namespace NetCt.Tests.Output;

public sealed class OutputBufferTests
{
    [Fact]
    public void Holds_output_until_flushed()
    {
        var stream = new MemoryStream();
        var output = new OutputBuffer(stream);
        output.Write("src="u8);
        output.EndLine();
        Assert.Equal(0, stream.Length);

        output.Flush();
        Assert.Equal("src=\n", Encoding.ASCII.GetString(stream.ToArray()));
        output.Dispose();
    }

    [Fact]
    public void Flushes_when_the_buffer_is_full()
    {
        var stream = new MemoryStream();
        var output = new OutputBuffer(stream, capacity: 64);
        byte[] text = Encoding.ASCII.GetBytes(new string('x', 1000));
        output.Write(text);
        Assert.True(stream.Length >= 1000 - 64, "a write larger than the buffer goes out as the buffer fills");

        output.Dispose();
        Assert.Equal(text, stream.ToArray());
    }

    [Fact]
    public void Line_buffered_mode_flushes_every_line()
    {
        var stream = new MemoryStream();
        using var output = new OutputBuffer(stream) { LineBuffered = true };
        output.Write("[NEW]"u8);
        Assert.Equal(0, stream.Length);
        output.EndLine();
        Assert.Equal("[NEW]\n", Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Dispose_flushes()
    {
        Assert.Equal("use=1", Rendered.Text(output => output.Write("use=1"u8)));
    }

    [Fact]
    public void Formats_numbers_like_printf()
    {
        string text = Rendered.Text(output =>
        {
            output.WriteDecimal(ulong.MaxValue);
            output.WriteSpace();
            output.WriteDecimal(long.MinValue);
            output.WriteSpace();
            output.WriteDecimal(-1L);
            output.WriteSpace();
            output.WriteDecimal(42UL, 8);
            output.WriteSpace();
            output.WriteDecimal(123456789UL, 6);
            output.WriteSpace();
            output.WriteHex(0);
            output.WriteSpace();
            output.WriteHex(0xdeadbeef);
            output.WriteSpace();
            output.WritePadded("tcp"u8, 8);
            output.Write((byte)'|');
            output.WritePadded("udplitelong"u8, 8);
        });
        Assert.Equal("18446744073709551615 -9223372036854775808 -1 00000042 123456789 0 deadbeef tcp     |udplitelong", text);
    }

    [Fact]
    public void Numbers_split_across_a_full_buffer_stay_whole()
    {
        string text = Rendered.Text(output =>
        {
            for (int i = 0; i < 100; i++)
            {
                output.WriteDecimal(18446744073709551615UL);
                output.WriteSpace();
            }
        }, capacity: 64);
        Assert.Equal(string.Concat(Enumerable.Repeat("18446744073709551615 ", 100)), text);
    }

    [Fact]
    public void Writes_long_strings_through_small_buffers()
    {
        string context = new('c', 300);
        Assert.Equal(context + "é", Rendered.Text(output => output.WriteUtf8(context + "é"), capacity: 64));
    }

    [Fact]
    public void Writes_addresses()
    {
        string text = Rendered.Text(output =>
        {
            output.WriteAddress(IPAddress.Parse("192.0.2.1"));
            output.WriteSpace();
            output.WriteAddress(IPAddress.Parse("2001:db8::1"));
        });
        Assert.Equal("192.0.2.1 2001:db8::1", text);
    }

    [Fact]
    public void A_record_is_cut_at_its_limit_and_then_frozen()
    {
        string text = Rendered.Text(output =>
        {
            output.BeginRecord(10);
            output.Write("0123456789ABCDEF"u8);
            output.WriteDecimal(42UL);
            output.TrimRecordEnd(1);
            output.TrimRecordTrailingSpaces();
            output.EndRecord();
            output.Write(" after"u8);
        });
        Assert.Equal("0123456789 after", text);
    }

    [Fact]
    public void A_number_that_does_not_fit_is_cut_like_snprintf()
    {
        Assert.Equal("id=12", Rendered.Record(output =>
        {
            output.Write("id="u8);
            output.WriteDecimal(12345UL);
        }, limit: 5));
    }

    [Fact]
    public void A_record_can_be_trimmed_while_it_fits()
    {
        Assert.Equal("-p tcp", Rendered.Record(output =>
        {
            output.Write("-p tcp --sport   "u8);
            output.TrimRecordTrailingSpaces();
            output.TrimRecordEnd(" --sport".Length);
            Assert.Equal(6, output.RecordLength);
        }));
    }

    [Fact]
    public void A_record_that_does_not_fit_flushes_what_came_before()
    {
        var stream = new MemoryStream();
        var output = new OutputBuffer(stream, capacity: 64);
        output.Write(Encoding.ASCII.GetBytes(new string('a', 40)));
        output.BeginRecord(40);
        Assert.Equal(40, stream.Length);
        output.Write(Encoding.ASCII.GetBytes(new string('b', 40)));
        output.EndRecord();
        output.Dispose();
        Assert.Equal(new string('a', 40) + new string('b', 40), Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_record_larger_than_the_buffer_gets_a_larger_buffer()
    {
        string line = new('x', 4095);
        Assert.Equal(line, Rendered.Text(output =>
        {
            output.BeginRecord(4095);
            output.Write(Encoding.ASCII.GetBytes(line + "yyy"));
            output.EndRecord();
        }, capacity: 64));
    }

    [Fact]
    public void Cannot_write_after_dispose()
    {
        var output = new OutputBuffer(new MemoryStream());
        output.Dispose();
        output.Dispose();
        Assert.Throws<ObjectDisposedException>(() => output.Write("x"u8));
    }

    [Fact]
    public void Cannot_flush_inside_a_record()
    {
        using var output = new OutputBuffer(new MemoryStream());
        output.BeginRecord(100);
        Assert.Throws<InvalidOperationException>(output.Flush);
        output.EndRecord();
    }
}
