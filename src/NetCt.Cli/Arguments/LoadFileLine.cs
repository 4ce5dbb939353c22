using System.Text;

namespace NetCt.Cli.Arguments;

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

    /// <summary>The pieces fgets() would return, each with its newline if it has one.</summary>
    public static IEnumerable<string> ReadPieces(TextReader reader)
    {
        var piece = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            piece.Append((char)c);
            if (c == '\n' || piece.Length == BufferLength - 1)
            {
                yield return piece.ToString();
                piece.Clear();
            }
        }
        if (piece.Length > 0)
            yield return piece.ToString();
    }

    /// <summary>The words of one piece, or null when conntrack skips it (blank or comment).</summary>
    public static List<string>? Split(string piece)
    {
        var line = piece.AsSpan().TrimStart(" \t");
        if (line.StartsWith("\n") || line.StartsWith("#"))
            return null;

        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false;
        bool escaped = false;
        foreach (char c in line)
        {
            if (quoted)
            {
                if (escaped)
                {
                    Append(word, c);
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
                    Append(word, c);
                    continue;
                }
                quoted = false;
            }
            else if (c == '"')
            {
                quoted = true;
                continue;
            }

            if (c is ' ' or '\t' or '\n' && word.Length == 0)
                continue;
            if (c is not ('"' or ' ' or '\t' or '\n'))
            {
                Append(word, c);
                continue;
            }
            AddWord(words, word);
        }
        if (word.Length > 0)
            AddWord(words, word);
        return words;
    }

    private static void Append(StringBuilder word, char c)
    {
        word.Append(c);
        if (word.Length >= ParameterBufferLength)
            throw ParameterException.Problem("Parameter too long!");
    }

    private static void AddWord(List<string> words, StringBuilder word)
    {
        // The program name is argv[0], so a line holds at most MaxArguments - 2 words.
        if (words.Count + 2 >= MaxArguments)
            throw ParameterException.Problem("too many arguments");
        words.Add(word.ToString());
        word.Clear();
    }
}
