using System.Net;
using System.Text;
using NetCt.Cli.Output;

namespace NetCt.Tests.Output;

/// <summary>
/// The two <see cref="ILineWriter"/>s write the same bytes for the same calls: the unchecked one
/// into room given to it, the record one into an <see cref="OutputBuffer"/> record.
/// </summary>
public sealed class LineWriterTests
{
    [Fact]
    public void Both_writers_write_the_same_line()
    {
        string throughRecord = WriteThroughRecord(WriteEverything);
        string intoRoom = WriteUnchecked(WriteEverything);

        Assert.Equal(
            "tcp      6 x=0 9 4294967295 4294967296 18446744073709551615 7 ffff a 192.0.2.1 2001:db8::1 ::ffff:198.51.100.2 héllo",
            throughRecord);
        Assert.Equal(throughRecord, intoRoom);
    }

    [Fact]
    public void Trimming_more_than_was_written_leaves_an_empty_line()
    {
        Assert.Equal("", WriteUnchecked(static (ref UncheckedLineWriter line) =>
        {
            line.Write("ab"u8);
            line.TrimEnd(5);
        }));
    }

    private delegate void Writes<TWriter>(ref TWriter line)
        where TWriter : ILineWriter, allows ref struct;

    private static void WriteEverything<TWriter>(ref TWriter line)
        where TWriter : ILineWriter, allows ref struct
    {
        line.WritePadded("tcp"u8, 8);
        line.Write((byte)' ');
        line.WriteDecimal(6);
        line.Write(" x="u8);
        line.WriteDecimal(0);
        line.Write((byte)' ');
        line.WriteDecimal(9);
        line.Write((byte)' ');
        line.WriteDecimal(uint.MaxValue);
        line.Write((byte)' ');
        line.WriteDecimal((ulong)uint.MaxValue + 1);
        line.Write((byte)' ');
        line.WriteDecimal(ulong.MaxValue);
        line.Write((byte)' ');
        line.WriteHex(7);
        line.Write((byte)' ');
        line.WriteHex(0xffff);
        line.Write((byte)' ');
        line.WriteHex(10);
        line.Write((byte)' ');
        line.WriteAddress([192, 0, 2, 1]);
        line.Write((byte)' ');
        line.WriteAddress(IPAddress.Parse("2001:db8::1"));
        line.Write((byte)' ');
        line.WriteAddress(IPAddress.Parse("::ffff:198.51.100.2").GetAddressBytes());
        line.Write((byte)' ');
        line.WriteUtf8("héllo");
        line.Write("  "u8);
        line.TrimEnd(2);
    }

    private static string WriteThroughRecord(Writes<RecordLineWriter> writes)
    {
        var stream = new MemoryStream();
        using (var output = new OutputBuffer(stream))
        {
            output.BeginRecord(1000);
            var line = new RecordLineWriter(output);
            writes(ref line);
            output.EndRecord();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WriteUnchecked(Writes<UncheckedLineWriter> writes)
    {
        byte[] room = new byte[1000];
        var line = new UncheckedLineWriter(room);
        writes(ref line);
        return Encoding.UTF8.GetString(room, 0, line.Length);
    }
}
