using System.Buffers.Binary;

namespace NetCt.Tests.Fuzz;

/// <summary>
/// Mutations that know netlink's framing, so that most inputs get past the message header into the
/// attribute decoders: lengths pointing past the end or into the middle of a header, truncation,
/// oversized and unknown attributes, wrong nesting, plus plain byte noise.
/// </summary>
internal sealed class NetlinkMutator(Random random)
{
    private const int HeaderSize = 16;

    public byte[] Mutate(byte[] seed)
    {
        var data = new List<byte>(seed);
        int rounds = 1 + random.Next(4);
        for (int i = 0; i < rounds; i++)
            MutateOnce(data);
        return [.. data];
    }

    private void MutateOnce(List<byte> data)
    {
        switch (random.Next(11))
        {
            case 0: // truncate anywhere
                int keep = random.Next(data.Count + 1);
                data.RemoveRange(keep, data.Count - keep);
                break;
            case 1: // flip bits
                for (int i = random.Next(1, 8); i > 0 && data.Count > 0; i--)
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 2: // set the message length to something interesting
                if (data.Count >= 4)
                    WriteUInt32(data, 0, Interesting32());
                break;
            case 3: // corrupt an attribute length (nla_len) at a 4-byte boundary after the headers
                if (AttributeOffset(data) is int at)
                    WriteUInt16(data, at, Interesting16());
                break;
            case 4: // toggle NLA_F_NESTED or change an attribute type
                if (AttributeOffset(data) is int typeAt)
                    WriteUInt16(data, typeAt + 2, random.Next(3) switch
                    {
                        0 => (ushort)(ReadUInt16(data, typeAt + 2) ^ 0x8000),
                        1 => (ushort)random.Next(0, 40),
                        _ => (ushort)random.Next(0, 0x10000),
                    });
                break;
            case 5: // append an unknown or oversized attribute
                AppendAttribute(data, (ushort)random.Next(0, 0x10000), random.Next(0, 300));
                break;
            case 6: // duplicate a slice (repeated or misplaced attributes)
                if (data.Count > 8)
                {
                    int start = random.Next(data.Count);
                    int length = random.Next(1, Math.Min(64, data.Count - start) + 1);
                    data.InsertRange(random.Next(data.Count), data.GetRange(start, length));
                }
                break;
            case 7: // random bytes in place
                for (int i = random.Next(1, 16); i > 0 && data.Count > 0; i--)
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 8: // two messages back to back, the second maybe cut
                data.AddRange(data.GetRange(0, random.Next(data.Count + 1)));
                break;
            case 9: // a message type of another kind (NLMSG_ERROR, NLMSG_DONE, stats, expectation)
                if (data.Count >= 6)
                    WriteUInt16(data, 4, random.Next(6) switch { 0 => 2, 1 => 3, 2 => 0x0104, 3 => 0x0105, 4 => 0x0200, _ => (ushort)random.Next(0x10000) });
                break;
            default: // make the message length match the (mutated) data, so the attributes are reached
                if (data.Count >= 4)
                    WriteUInt32(data, 0, (uint)data.Count);
                break;
        }
    }

    private int? AttributeOffset(List<byte> data)
    {
        int first = HeaderSize + 4;
        if (data.Count < first + 4)
            return null;
        return first + 4 * random.Next((data.Count - first - 4) / 4 + 1);
    }

    private void AppendAttribute(List<byte> data, ushort type, int valueLength)
    {
        var attribute = new byte[4 + valueLength];
        random.NextBytes(attribute);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)Math.Min(ushort.MaxValue, attribute.Length + random.Next(-2, 3)));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(2), type);
        data.AddRange(attribute);
        while (data.Count % 4 != 0)
            data.Add(0);
        if (data.Count >= 4 && random.Next(2) == 0)
            WriteUInt32(data, 0, (uint)data.Count);
    }

    private uint Interesting32() => random.Next(8) switch
    {
        0 => 0,
        1 => 15,
        2 => 16,
        3 => uint.MaxValue,
        4 => int.MaxValue,
        5 => 0x80000000,
        _ => (uint)random.Next(0, 4096),
    };

    private ushort Interesting16() => random.Next(6) switch
    {
        0 => 0,
        1 => 3,
        2 => 4,
        3 => ushort.MaxValue,
        _ => (ushort)random.Next(0, 1024),
    };

    private static ushort ReadUInt16(List<byte> data, int at) => (ushort)(data[at] | data[at + 1] << 8);

    private static void WriteUInt16(List<byte> data, int at, ushort value)
    {
        data[at] = (byte)value;
        data[at + 1] = (byte)(value >> 8);
    }

    private static void WriteUInt32(List<byte> data, int at, uint value)
    {
        WriteUInt16(data, at, (ushort)value);
        WriteUInt16(data, at + 2, (ushort)(value >> 16));
    }
}
