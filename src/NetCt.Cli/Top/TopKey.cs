namespace NetCt.Cli.Top;

/// <summary>A key <c>netct top</c> reacts to: a named key, or a character (<see cref="Kind"/> Character).</summary>
internal readonly record struct TopKey(TopKeyKind Kind, char Character = '\0')
{
    public static TopKey Of(char character) => new(TopKeyKind.Character, character);
}

internal enum TopKeyKind
{
    /// <summary>A sequence netct top has no use for (left/right arrows, function keys).</summary>
    Unknown,
    Character,
    Enter,
    Escape,
    Backspace,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

/// <summary>
/// Turns the bytes a terminal sends into keys: printable characters, Enter, Backspace, and the
/// escape sequences of the arrows and of PgUp/PgDn/Home/End in both the xterm (CSI) and the
/// application-keypad (SS3) forms. An escape followed by nothing known is the Escape key.
/// </summary>
internal static class TopKeyDecoder
{
    public static List<TopKey> Decode(ReadOnlySpan<byte> input)
    {
        var keys = new List<TopKey>();
        int i = 0;
        while (i < input.Length)
        {
            byte b = input[i];
            if (b == 0x1b)
            {
                (TopKey key, int length) = Escape(input[i..]);
                keys.Add(key);
                i += length;
                continue;
            }

            i++;
            switch (b)
            {
                case (byte)'\r' or (byte)'\n':
                    keys.Add(new TopKey(TopKeyKind.Enter));
                    break;
                case 0x7f or 0x08:
                    keys.Add(new TopKey(TopKeyKind.Backspace));
                    break;
                case >= 0x20 and < 0x7f:
                    keys.Add(TopKey.Of((char)b));
                    break;
            }
        }

        return keys;
    }

    private static (TopKey Key, int Length) Escape(ReadOnlySpan<byte> input)
    {
        if (input.Length < 3 || (input[1] != (byte)'[' && input[1] != (byte)'O'))
            return (new TopKey(TopKeyKind.Escape), 1);
        TopKeyKind? letter = input[2] switch
        {
            (byte)'A' => TopKeyKind.Up,
            (byte)'B' => TopKeyKind.Down,
            (byte)'H' => TopKeyKind.Home,
            (byte)'F' => TopKeyKind.End,
            _ => null,
        };
        if (letter is { } kind)
            return (new TopKey(kind), 3);
        if (input.Length >= 4 && input[3] == (byte)'~')
        {
            TopKeyKind? numbered = input[2] switch
            {
                (byte)'1' or (byte)'7' => TopKeyKind.Home,
                (byte)'4' or (byte)'8' => TopKeyKind.End,
                (byte)'5' => TopKeyKind.PageUp,
                (byte)'6' => TopKeyKind.PageDown,
                _ => null,
            };
            if (numbered is { } key)
                return (new TopKey(key), 4);
        }

        // An unknown sequence (left/right arrows, function keys): swallow its introducer and letters.
        int end = 2;
        while (end < input.Length && input[end] is >= (byte)'0' and <= (byte)'9' or (byte)';')
            end++;
        return (new TopKey(TopKeyKind.Unknown), Math.Min(input.Length, end + 1));
    }
}
