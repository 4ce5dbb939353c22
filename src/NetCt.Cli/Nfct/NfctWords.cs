namespace NetCt.Cli.Nfct;

/// <summary>nfct's commands and subsystems, matched as nfct 1.4.8 matches them.</summary>
internal static class NfctWords
{
    /// <summary>nfct's NFCT_CMD_* in its order; a word selects the first entry it is a prefix of.</summary>
    public static readonly string[] Commands = ["list", "add", "delete", "get", "flush", "disable", "default-set", "default-get"];

    /// <summary>nfct's NFCT_SUBSYS_* in its order.</summary>
    public static readonly string[] Subsystems = ["timeout", "helper", "version", "help"];

    /// <summary>
    /// The first entry that starts with <paramref name="word"/> (strncmp over the word's length), or null:
    /// so "l" is list, "de" is delete, "default" is default-set, and "" is the first entry.
    /// </summary>
    public static string? Match(string[] words, string word) =>
        Array.Find(words, entry => entry.StartsWith(word, StringComparison.Ordinal));
}
