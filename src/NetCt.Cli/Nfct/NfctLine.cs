namespace NetCt.Cli.Nfct;

/// <summary>
/// An nfct command line as nfct's subsystems index it: argv[0], the command and subsystem words, then
/// the parameters from argv[3] on (a policy name, a family, …). netct's own <c>netct timeout</c> builds
/// the same shape so that both check their parameters with the same code and words.
/// </summary>
/// <param name="ProgramPath">argv[0], for the usage lines.</param>
/// <param name="Words">argv[1..]: command and subsystem (in either order), then the parameters.</param>
internal sealed record NfctLine(string ProgramPath, string[] Words)
{
    /// <summary>argc as nfct counts it.</summary>
    public int Count => Words.Length + 1;

    /// <summary>argv[index] as nfct indexes it (1 is the first word after the program).</summary>
    public string this[int index] => Words[index - 1];

    /// <summary>argv[from..]: the parameters from position <paramref name="from"/>.</summary>
    public ReadOnlySpan<string> From(int from) => Words.AsSpan(Math.Min(from - 1, Words.Length));
}
