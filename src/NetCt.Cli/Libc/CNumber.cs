namespace NetCt.Cli.Libc;

/// <summary>
/// The C library's number parsers as glibc implements them on LP64 Linux. conntrack converts most
/// values with them and never checks the result, so <c>--sport 70000</c> is port 4464 and
/// <c>-m foo</c> is mark 0; netct must read every value the same way.
/// </summary>
internal static class CNumber
{
    /// <summary><c>strtoul(text, &amp;end, radix)</c>: overflow gives <see cref="ulong.MaxValue"/>, a minus sign negates.</summary>
    public static ulong StrToUL(ReadOnlySpan<char> text, int radix, out int end)
    {
        ulong magnitude = Scan(text, radix, out bool negative, out bool overflow, out end);
        if (overflow)
            return ulong.MaxValue;
        return negative ? unchecked(0UL - magnitude) : magnitude;
    }

    /// <summary><c>strtoul(text, NULL, radix)</c>.</summary>
    public static ulong StrToUL(ReadOnlySpan<char> text, int radix) => StrToUL(text, radix, out _);

    /// <summary><c>strtol(text, &amp;end, radix)</c>: out-of-range values clamp to <see cref="long.MinValue"/> or <see cref="long.MaxValue"/>.</summary>
    public static long StrToL(ReadOnlySpan<char> text, int radix, out int end)
    {
        ulong magnitude = Scan(text, radix, out bool negative, out bool overflow, out end);
        if (negative)
            return overflow || magnitude > 1UL << 63 ? long.MinValue : unchecked(-(long)magnitude);
        return overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
    }

    /// <summary><c>atoi(text)</c>, which glibc defines as <c>(int) strtol(text, NULL, 10)</c>.</summary>
    public static int AtoI(ReadOnlySpan<char> text) => unchecked((int)StrToL(text, 10, out _));

    /// <summary><c>atol(text)</c>.</summary>
    public static long AtoL(ReadOnlySpan<char> text) => StrToL(text, 10, out _);

    /// <summary>isspace() in the C locale.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>isdigit() in the C locale.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    // The common part of strtol and strtoul: white space, sign, base prefix, digits. "end" is where
    // the number stopped, or 0 when there was none (C sets endptr back to the start then).
    private static ulong Scan(ReadOnlySpan<char> text, int radix, out bool negative, out bool overflow, out int end)
    {
        negative = false;
        overflow = false;
        end = 0;
        int i = 0;
        while (i < text.Length && IsSpace(text[i]))
            i++;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        if ((radix == 0 || radix == 16) && HasHexPrefix(text, i))
        {
            i += 2;
            radix = 16;
        }
        else if (radix == 0)
        {
            radix = i < text.Length && text[i] == '0' ? 8 : 10;
        }

        ulong value = 0;
        int first = i;
        for (; i < text.Length && DigitValue(text[i]) is int digit && digit < radix; i++)
        {
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                overflow = true;
            else
                value = value * (ulong)radix + (ulong)digit;
        }
        if (i == first)
        {
            negative = false;
            return 0;
        }
        end = i;
        return value;
    }

    // "0x" counts as a prefix only when a hex digit follows; "0x" alone is the number 0 followed by 'x'.
    private static bool HasHexPrefix(ReadOnlySpan<char> text, int i)
        => i + 2 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && DigitValue(text[i + 2]) < 16;

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => null,
    };
}
