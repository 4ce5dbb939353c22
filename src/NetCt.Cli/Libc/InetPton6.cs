namespace NetCt.Cli.Libc;

/// <summary>
/// glibc's inet_pton(AF_INET6): strict RFC 4291 text, at most four hex digits per group, one "::",
/// an optional dotted quad at the end; no brackets, no zone index ("%eth0"), which .NET's
/// IPAddress parser would accept.
/// </summary>
internal static class InetPton6
{
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> address)
    {
        Span<byte> result = stackalloc byte[16];
        result.Clear();
        int written = 0;
        int gapAt = -1;
        int i = 0;
        if (text.IsEmpty)
            return false;
        if (text[0] == ':')
        {
            i++;
            if (i == text.Length || text[i] != ':')
                return false;
        }

        int groupStart = i;
        int digits = 0;
        uint value = 0;
        while (i < text.Length)
        {
            char c = text[i++];
            if (HexValue(c) is int digit)
            {
                if (digits == 4)
                    return false;
                value = value << 4 | (uint)digit;
                digits++;
                continue;
            }
            if (c == ':')
            {
                groupStart = i;
                if (digits == 0)
                {
                    if (gapAt >= 0)
                        return false;
                    gapAt = written;
                    continue;
                }
                if (i == text.Length || written + 2 > 16)
                    return false;
                result[written++] = (byte)(value >> 8);
                result[written++] = (byte)value;
                digits = 0;
                value = 0;
                continue;
            }
            if (c == '.' && written + 4 <= 16 && TryParseDottedQuad(text[groupStart..], result.Slice(written, 4)))
            {
                written += 4;
                digits = 0;
                break;
            }
            return false;
        }
        if (digits > 0)
        {
            if (written + 2 > 16)
                return false;
            result[written++] = (byte)(value >> 8);
            result[written++] = (byte)value;
        }
        if (gapAt >= 0)
        {
            if (written == 16)
                return false;
            int tail = written - gapAt;
            result.Slice(gapAt, tail).CopyTo(result.Slice(16 - tail));
            result.Slice(gapAt, 16 - tail - gapAt).Clear();
            written = 16;
        }
        if (written != 16)
            return false;
        result.CopyTo(address);
        return true;
    }

    // glibc's inet_pton4: exactly four decimal octets, no leading zeros.
    private static bool TryParseDottedQuad(ReadOnlySpan<char> text, Span<byte> octets)
    {
        int count = 0;
        bool sawDigit = false;
        uint current = 0;
        foreach (char c in text)
        {
            if (CNumber.IsDigit(c))
            {
                if (sawDigit && current == 0)
                    return false;
                current = current * 10 + (uint)(c - '0');
                if (current > 255)
                    return false;
                if (!sawDigit)
                {
                    if (++count > 4)
                        return false;
                    sawDigit = true;
                }
                octets[count - 1] = (byte)current;
            }
            else if (c == '.' && sawDigit)
            {
                if (count == 4)
                    return false;
                current = 0;
                sawDigit = false;
            }
            else
            {
                return false;
            }
        }
        return count == 4;
    }

    private static int? HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };
}
