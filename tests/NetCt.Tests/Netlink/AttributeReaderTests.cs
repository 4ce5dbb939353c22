using NetCt.Interop;
using NetCt.Netlink;
using static NetCt.Tests.Netlink.KernelMessages;

namespace NetCt.Tests.Netlink;

public sealed class AttributeReaderTests
{
    [Fact]
    public void EmptySpanHasNoAttributes()
    {
        var reader = new AttributeReader([]);

        Assert.False(reader.Next());
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void HasCurrentOnlyBetweenASuccessfulNextAndTheNextCall()
    {
        byte[] data = [.. Attribute(1, 0x2A), 4, 0];   // then a truncated header
        var reader = new AttributeReader(data);

        Assert.False(reader.HasCurrent);
        Assert.True(reader.Next());
        Assert.True(reader.HasCurrent);
        bool threw = false;
        try
        {
            reader.Next();
        }
        catch (NetlinkDecodeException)
        {
            threw = true;
        }

        Assert.True(threw);
        Assert.False(reader.HasCurrent);
    }

    [Fact]
    public void ReadsTypedValuesAcrossPadding()
    {
        byte[] data =
        [
            .. Attribute(1, 0x2A),                                  // u8, 3 bytes of padding
            .. Attribute(2, 0x1F, 0x90),                            // be16 8080, 2 bytes of padding
            .. Attribute(3, 0xDE, 0xAD, 0xBE, 0xEF),                // be32
            .. Attribute(4, 0, 0, 0, 1, 0, 0, 0, 2),                // be64
            .. Attribute(5, (byte)'f', (byte)'t', (byte)'p', 0),    // string
        ];
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.Equal(1, reader.Type);
        Assert.Equal(0x2A, reader.GetByte());
        Assert.True(reader.Next());
        Assert.Equal(8080, reader.GetUInt16BigEndian());
        Assert.Equal(8, reader.Offset);
        Assert.True(reader.Next());
        Assert.Equal(0xDEADBEEFu, reader.GetUInt32BigEndian());
        Assert.True(reader.Next());
        Assert.Equal(0x0000000100000002ul, reader.GetUInt64BigEndian());
        Assert.True(reader.Next());
        Assert.Equal("ftp", reader.GetString());
        Assert.Equal("ftp"u8.ToArray(), reader.GetStringBytes().ToArray());
        Assert.Equal(4, reader.Value.Length);
        Assert.False(reader.Next());
    }

    [Fact]
    public void LastAttributeMayOmitItsPadding()
    {
        byte[] data = Attribute(1, 7)[..5];
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.Equal(7, reader.GetByte());
        Assert.False(reader.Next());

        // The aligned step went past the end of the data: that is the end, however often asked.
        Assert.False(reader.TryNext());
        Assert.False(reader.IsMalformed);
        Assert.False(reader.HasCurrent);
    }

    [Fact]
    public void HostEndianU32IsReadNatively()
    {
        byte[] data = Attribute((ushort)CtattrFilter.CTA_FILTER_ORIG_FLAGS, BitConverter.GetBytes(0x0000_0838u));
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.Equal(0x838u, reader.GetUInt32HostEndian());
        Assert.Equal(BitConverter.IsLittleEndian ? new byte[] { 0x38, 0x08, 0, 0 } : [0, 0, 0x08, 0x38], reader.Value.ToArray());
    }

    [Fact]
    public void UnknownTypesAreIteratedPast()
    {
        byte[] data = [.. Attribute(999, 1, 2, 3), .. Attribute(0x3FFF), .. Attribute(8, U32BigEndian(5))];
        var reader = new AttributeReader(data);
        uint? mark = null;
        int seen = 0;

        while (reader.Next())
        {
            seen++;
            if ((CtattrType)reader.Type == CtattrType.CTA_MARK)
            {
                mark = reader.GetUInt32BigEndian();
            }
        }

        Assert.Equal(3, seen);
        Assert.Equal(5u, mark);
    }

    [Fact]
    public void NestedAttributesAreReadAndFlagsMasked()
    {
        byte[] ip = Attribute((ushort)CtattrIp.CTA_IP_V4_SRC, 192, 0, 2, 1);
        byte[] tuple = Attribute((ushort)((ushort)CtattrTuple.CTA_TUPLE_IP | NetlinkAttributeFlags.NLA_F_NESTED), ip);
        byte[] data = Attribute((ushort)((ushort)CtattrType.CTA_TUPLE_ORIG | NetlinkAttributeFlags.NLA_F_NESTED), tuple);
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.Equal((ushort)CtattrType.CTA_TUPLE_ORIG, reader.Type);
        Assert.Equal(0x8001, reader.RawType);
        Assert.True(reader.IsNested);
        Assert.False(reader.IsNetworkByteOrder);
        AttributeReader inner = reader.GetNested();
        Assert.True(inner.Next());
        Assert.Equal((ushort)CtattrTuple.CTA_TUPLE_IP, inner.Type);
        AttributeReader addresses = inner.GetNested();
        Assert.True(addresses.Next());
        Assert.Equal((ushort)CtattrIp.CTA_IP_V4_SRC, addresses.Type);
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, addresses.GetBytes().ToArray());
        Assert.Equal(8, addresses.Offset);
        Assert.False(addresses.Next());
        Assert.False(inner.Next());
        Assert.False(reader.Next());
    }

    [Fact]
    public void NetworkByteOrderFlagIsMaskedFromType()
    {
        byte[] data = Attribute(3 | NetlinkAttributeFlags.NLA_F_NET_BYTEORDER, U32BigEndian(1));
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.Equal(3, reader.Type);
        Assert.True(reader.IsNetworkByteOrder);
        Assert.False(reader.IsNested);
    }

    [Fact]
    public void NestedWithoutTheFlagCanStillBeRead()
    {
        byte[] data = Attribute(1, Attribute(2, 9));
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        Assert.False(reader.IsNested);
        AttributeReader inner = reader.GetNested();
        Assert.True(inner.Next());
        Assert.Equal(9, inner.GetByte());
    }

    [Theory]
    [InlineData(new byte[] { 8, 0 }, "a header needs 4")]
    [InlineData(new byte[] { 8, 0, 1 }, "a header needs 4")]
    [InlineData(new byte[] { 3, 0, 1, 0 }, "shorter than its own header")]
    [InlineData(new byte[] { 0, 0, 1, 0 }, "shorter than its own header")]
    [InlineData(new byte[] { 12, 0, 1, 0, 1, 2, 3, 4 }, "runs past the end")]
    public void MalformedDataThrowsDecodeException(byte[] data, string expected)
    {
        var exception = Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new AttributeReader(data);
            while (reader.Next())
            {
            }
        });

        Assert.Contains(expected, exception.Message);
    }

    [Fact]
    public void TryNextStopsOnMalformedDataWithoutThrowing()
    {
        byte[] data = [.. Attribute(1, 5), 200, 0, 2, 0];
        var reader = new AttributeReader(data);

        Assert.True(reader.TryNext());
        Assert.False(reader.TryNext());
        Assert.True(reader.IsMalformed);
        Assert.False(reader.HasCurrent);

        // It stays stopped on the bad attribute: later calls fail again and Next reports that attribute.
        Assert.False(reader.TryNext());
        Assert.True(reader.IsMalformed);
        Assert.False(reader.HasCurrent);
        string? message = null;
        try
        {
            reader.Next();
        }
        catch (NetlinkDecodeException e)
        {
            message = e.Message;
        }

        Assert.Equal("netlink attribute type 2 at offset 8: nla_len 200 runs past the end (4 bytes left)", message);
    }

    [Fact]
    public void TruncatedTrailingBytesAfterGoodAttributesThrow()
    {
        byte[] data = [.. Attribute(1, 5), 4, 0];
        var reader = new AttributeReader(data);

        Assert.True(reader.Next());
        bool threw = false;
        try
        {
            reader.Next();
        }
        catch (NetlinkDecodeException e)
        {
            threw = true;
            Assert.Contains("offset 8", e.Message);
        }

        Assert.True(threw);
    }

    [Fact]
    public void ErrorsInNestedAttributesReportTheirOffsetInTheMessage()
    {
        byte[] data = [.. Attribute(9), .. Attribute(1, 40, 0, 2, 0)];
        var exception = Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new AttributeReader(data, baseOffset: 20);
            reader.Next();
            reader.Next();
            AttributeReader inner = reader.GetNested();
            inner.Next();
        });

        Assert.Contains("offset 28", exception.Message);
    }

    [Theory]
    [InlineData(0, "u8")]
    [InlineData(1, "big-endian u16")]
    [InlineData(3, "big-endian u32")]
    [InlineData(7, "big-endian u64")]
    public void TypedReadOnTooShortValueThrowsDecodeException(int valueLength, string what)
    {
        byte[] data = Attribute(6, new byte[valueLength]);
        var exception = Assert.Throws<NetlinkDecodeException>(() =>
        {
            var reader = new AttributeReader(data);
            reader.Next();
            _ = what switch
            {
                "u8" => reader.GetByte(),
                "big-endian u16" => reader.GetUInt16BigEndian(),
                "big-endian u32" => reader.GetUInt32BigEndian(),
                _ => (object)reader.GetUInt64BigEndian(),
            };
        });

        Assert.Contains($"a {what} needs", exception.Message);
        Assert.Contains("type 6", exception.Message);
    }

    [Fact]
    public void TryReadsReportTooShortValues()
    {
        var reader = new AttributeReader(Attribute(6, 1, 2));
        Assert.True(reader.Next());

        Assert.True(reader.TryGetByte(out byte u8));
        Assert.Equal(1, u8);
        Assert.True(reader.TryGetUInt16BigEndian(out ushort u16));
        Assert.Equal(0x0102, u16);
        Assert.False(reader.TryGetUInt32BigEndian(out _));
        Assert.False(reader.TryGetUInt64BigEndian(out _));
        Assert.False(reader.TryGetUInt32HostEndian(out _));
        Assert.Throws<NetlinkDecodeException>(() =>
        {
            var r = new AttributeReader(Attribute(6, 1, 2));
            r.Next();
            return r.GetUInt32HostEndian();
        });
    }

    [Fact]
    public void StringWithoutTerminatorUsesTheWholeValue()
    {
        var reader = new AttributeReader(Attribute(1, (byte)'s', (byte)'i', (byte)'p'));

        Assert.True(reader.Next());
        Assert.Equal("sip", reader.GetString());
    }

    [Fact]
    public void AccessingValueWithoutCurrentAttributeThrows()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new AttributeReader(Attribute(1, 1));
            return reader.Value.Length;
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new AttributeReader(Attribute(1, 1));
            reader.Next();
            reader.Next();
            return reader.Type;
        });
    }

    [Fact]
    public void RandomBytesOnlyEverThrowDecodeExceptions()
    {
        var random = new Random(20240601);
        byte[] data = new byte[64];
        for (int round = 0; round < 20000; round++)
        {
            random.NextBytes(data);
            int length = random.Next(data.Length + 1);

            // Small lengths make plausible headers, so the walk goes deep instead of failing at once.
            for (int i = 0; i + 1 < length; i += 4)
            {
                data[i] = (byte)random.Next(0, 24);
                data[i + 1] = 0;
            }

            try
            {
                Walk(new AttributeReader(data.AsSpan(0, length)), depth: 0);
            }
            catch (NetlinkDecodeException)
            {
            }
        }
    }

    private static void Walk(AttributeReader reader, int depth)
    {
        while (reader.Next())
        {
            _ = reader.TryGetUInt64BigEndian(out _);
            _ = reader.GetStringBytes();
            if (reader.Value.Length >= 1)
            {
                _ = reader.GetByte();
            }

            if (depth < 4)
            {
                Walk(reader.GetNested(), depth + 1);
            }
        }
    }
}
