namespace NetCt.Cli.Arguments;

/// <summary>
/// conntrack's parse_parameter() and parse_parameter_mask(): comma-separated abbreviations of
/// keywords (first match in the keyword order wins), with two quirks kept for compatibility:
/// any abbreviation of SRC_NAT or DST_NAT (even "s" or "d") is accepted with a warning and means
/// nothing, and a bad word is reported together with everything after it.
/// </summary>
internal static class KeywordList
{
    /// <summary>parse_parameter(): <paramref name="onKeyword"/> gets the index of each recognised keyword.</summary>
    /// <param name="argument">The option's argument.</param>
    /// <param name="keywords">conntrack's keywords, matched by any case-insensitive prefix.</param>
    /// <param name="onKeyword">Called with each word's index in <paramref name="keywords"/>, or past its end for <paramref name="exactKeywords"/>.</param>
    /// <param name="warnings">Where the SRC_NAT/DST_NAT warnings go.</param>
    /// <param name="exactKeywords">
    /// netct's own keywords, matched only when spelt out in full (any case), so that no word conntrack
    /// refuses with "Bad parameter" becomes valid by prefix.
    /// </param>
    public static void Parse(string argument, IReadOnlyList<string> keywords, Action<int> onKeyword, ICollection<string> warnings, IReadOnlyList<string>? exactKeywords = null)
    {
        int start = 0;
        while (true)
        {
            int comma = argument.IndexOf(',', start);
            var word = comma < 0 ? argument.AsSpan(start) : argument.AsSpan(start, comma - start);
            int exact = IndexOfExact(word, exactKeywords);
            if (exact >= 0)
                onKeyword(keywords.Count + exact);
            else if (word.IsEmpty || !TryMatch(word, keywords, warnings, out int keyword))
                throw BadParameter(argument, start);
            else if (keyword >= 0)
                onKeyword(keyword);
            if (comma < 0)
                return;
            start = comma + 1;
        }
    }

    /// <summary>
    /// parse_parameter_mask() for <c>-u</c>: a word may be negated with '!', and UNREPLIED (case-sensitive,
    /// anything may follow it up to the comma) stands for !SEEN_REPLY and cannot be negated.
    /// </summary>
    public static void ParseWithNegation(string argument, IReadOnlyList<string> keywords, Action<int, bool> onKeyword, Action onUnreplied, ICollection<string> warnings)
    {
        const string Unreplied = "UNREPLIED";
        int start = 0;
        while (true)
        {
            int comma = argument.IndexOf(',', start);
            if (comma == start)
                throw BadParameter(argument, start);
            bool negated = start < argument.Length && argument[start] == '!';
            if (negated)
                start++;
            if (comma == start)
                throw BadParameter(argument, start);

            var word = comma < 0 ? argument.AsSpan(start) : argument.AsSpan(start, comma - start);
            if (!negated && argument.AsSpan(start).StartsWith(Unreplied, StringComparison.Ordinal))
            {
                onUnreplied();
            }
            else
            {
                if (word.IsEmpty || !TryMatch(word, keywords, warnings, out int keyword))
                    throw BadParameter(argument, start);
                if (keyword >= 0)
                    onKeyword(keyword, negated);
            }
            if (comma < 0)
                return;
            start = comma + 1;
        }
    }

    private static int IndexOfExact(ReadOnlySpan<char> word, IReadOnlyList<string>? exactKeywords)
    {
        for (int i = 0; exactKeywords is not null && i < exactKeywords.Count; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(word, exactKeywords[i]))
                return i;
        }
        return -1;
    }

    // do_parse_parameter(): keyword is -1 for the ignored NAT words.
    private static bool TryMatch(ReadOnlySpan<char> word, IReadOnlyList<string> keywords, ICollection<string> warnings, out int keyword)
    {
        keyword = -1;
        if (Keywords.IsAbbreviationOf(word, "SRC_NAT"))
        {
            warnings.Add("WARNING: ignoring SRC_NAT, use --src-nat instead");
            return true;
        }
        if (Keywords.IsAbbreviationOf(word, "DST_NAT"))
        {
            warnings.Add("WARNING: ignoring DST_NAT, use --dst-nat instead");
            return true;
        }
        for (int i = 0; i < keywords.Count; i++)
        {
            if (Keywords.IsAbbreviationOf(word, keywords[i]))
            {
                keyword = i;
                return true;
            }
        }
        return false;
    }

    private static ParameterException BadParameter(string argument, int start)
        => ParameterException.Problem($"Bad parameter `{argument[start..]}'");
}
