using NetCt.Cli.Arguments;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// How conntrack reads a <c>-R</c> file: fgets() into a 10240-byte buffer (a longer line is read as
/// several), leading blanks skipped, blank lines and '#' comments ignored, and each line split into
/// words by iptables' add_param_to_argv(): blanks separate words, "double quotes" group them (a
/// closing quote ends the word, so <c>""</c> is an empty word), and inside quotes a backslash
/// escapes the next character. A word may not reach 1024 characters nor a line 254 words.
/// </summary>
internal static class LoadFileLine
{
    private const int BufferLength = 10240;
    private const int ParameterBufferLength = 1024;

    // argv holds 255 pointers including argv[0] and the terminating NULL.
    private const int MaxArguments = 255;

    /// <summary>Where the pieces fgets() would return lie in <paramref name="text"/>, each with its newline if it has one.</summary>
    public static IEnumerable<(int Start, int Length)> Pieces(ReadOnlyMemory<char> text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int limit = Math.Min(text.Length - start, BufferLength - 1);
            int newline = text.Span.Slice(start, limit).IndexOf('\n');
            int length = newline >= 0 ? newline + 1 : limit;
            yield return (start, length);
            start += length;
        }
    }

    /// <summary>The words of one piece, or null when conntrack skips it (blank or comment).</summary>
    public static List<string>? Split(string piece) => Split(piece.AsSpan());

    /// <inheritdoc cref="Split(string)"/>
    public static List<string>? Split(ReadOnlySpan<char> piece)
    {
        var line = piece.TrimStart(" \t");
        if (line.StartsWith("\n") || line.StartsWith("#"))
            return null;

        // Room for the words of a typical -I line without growing.
        var words = new List<string>(32);
        Span<char> word = stackalloc char[ParameterBufferLength];
        int length = 0;
        bool quoted = false;
        bool escaped = false;
        foreach (char c in line)
        {
            if (quoted)
            {
                if (escaped)
                {
                    Append(word, ref length, c);
                    escaped = false;
                    continue;
                }
                if (c == '\\')
                {
                    escaped = true;
                    continue;
                }
                if (c != '"')
                {
                    Append(word, ref length, c);
                    continue;
                }
                quoted = false;
            }
            else if (c == '"')
            {
                quoted = true;
                continue;
            }

            if (c is ' ' or '\t' or '\n' && length == 0)
                continue;
            if (c is not ('"' or ' ' or '\t' or '\n'))
            {
                Append(word, ref length, c);
                continue;
            }
            AddWord(words, word, ref length);
        }
        if (length > 0)
            AddWord(words, word, ref length);
        return words;
    }

    private static void Append(Span<char> word, ref int length, char c)
    {
        if (length + 1 >= ParameterBufferLength)
            throw ParameterException.Problem("Parameter too long!");
        word[length++] = c;
    }

    private static void AddWord(List<string> words, ReadOnlySpan<char> word, ref int length)
    {
        // The program name is argv[0], so a line holds at most MaxArguments - 2 words.
        if (words.Count + 2 >= MaxArguments)
            throw ParameterException.Problem("too many arguments");
        words.Add(Intern(word[..length]));
        length = 0;
    }

    // The lines of a -R file repeat the same words (options, protocols, states, common values): a
    // small cache, indexed by a hash of the word, hands out one string per word instead of one per
    // line. A slot holds the last word hashed to it; threads only ever replace whole strings.
    private const int CachedWordLength = 24;
    private static readonly string?[] WordCache = new string?[1024];

    private static string Intern(ReadOnlySpan<char> word)
    {
        if (word.Length > CachedWordLength)
            return new string(word);
        uint hash = 2166136261;
        foreach (char c in word)
            hash = (hash ^ c) * 16777619;
        ref string? slot = ref WordCache[hash & (uint)(WordCache.Length - 1)];
        string? cached = slot;
        if (cached is not null && word.SequenceEqual(cached))
            return cached;
        string created = new(word);
        slot = created;
        return created;
    }
}
