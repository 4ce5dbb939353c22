namespace NetCt.Cli.Arguments;

/// <summary>How conntrack matches the words of <c>-u</c>, <c>-e</c>, <c>-o</c> and <c>--role</c>.</summary>
internal static class Keywords
{
    /// <summary>
    /// strncasecmp(word, keyword, strlen(word)) == 0: the word is a case-insensitive (ASCII) prefix
    /// of the keyword, so "A" means ASSURED and "x" means xml.
    /// </summary>
    public static bool IsAbbreviationOf(ReadOnlySpan<char> word, string keyword, bool allowEmpty = false)
    {
        if (word.IsEmpty)
            return allowEmpty;
        return word.Length <= keyword.Length && System.Text.Ascii.EqualsIgnoreCase(word, keyword.AsSpan(0, word.Length));
    }
}
