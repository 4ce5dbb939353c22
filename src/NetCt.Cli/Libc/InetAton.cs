namespace NetCt.Cli.Libc;

/// <summary>
/// glibc's inet_aton(), which conntrack tries first on every address: it accepts the classic forms
/// a, a.b, a.b.c and a.b.c.d with octal (leading 0) and hex (0x) parts, and ignores anything that
/// follows white space ("192.0.2.1 junk" is 192.0.2.1), unlike .NET's IPAddress parser.
/// </summary>
internal static class InetAton
{
    // The largest value the last part may have when 1, 2, 3 or 4 parts were given.
    private static readonly uint[] MaxLastPart = [0xffffffff, 0xffffff, 0xffff, 0xff];

    public static bool TryParse(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        Span<byte> leading = stackalloc byte[3];
        int parts = 0;
        int i = 0;
        ulong value;
        while (true)
        {
            if (i >= text.Length || !CNumber.IsDigit(text[i]))
                return false;
            value = CNumber.StrToUL(text[i..], 0, out int consumed);
            if (value > 0xffffffff)
                return false;
            i += consumed;
            if (i < text.Length && text[i] == '.')
            {
                if (parts > 2 || value > 0xff)
                    return false;
                leading[parts++] = (byte)value;
                i++;
            }
            else
            {
                break;
            }
        }
        if (i < text.Length && !(text[i] < 128 && CNumber.IsSpace(text[i])))
            return false;
        if (value > MaxLastPart[parts])
            return false;
        uint result = (uint)value;
        for (int part = 0; part < parts; part++)
            result |= (uint)leading[part] << (24 - 8 * part);
        address = result;
        return true;
    }
}
