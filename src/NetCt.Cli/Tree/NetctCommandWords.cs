namespace NetCt.Cli.Tree;

/// <summary>
/// The first words that send a command line to netct's own command tree instead of conntrack's grammar.
/// </summary>
/// <remarks>
/// A plain list apart from the tree, so that conntrack's commands decide with one string comparison and
/// never load System.CommandLine (their start-up must not grow). A unit test checks that it names exactly
/// the tree's commands.
/// </remarks>
internal static class NetctCommandWords
{
    /// <summary>The words, in the order netct's help lists them.</summary>
    public static readonly string[] All = [Timeouts.TimeoutCommand.Name, Health.HealthCommand.Name, Top.TopCommand.Name, Exporter.ExporterCommand.Name, HelpCommand.Name];

    /// <summary>
    /// True when the tree parses this command line: its first argument is a command word, or
    /// System.CommandLine's <c>[suggest]</c> directive that the bash completion uses.
    /// </summary>
    public static bool StartsTree(string[] args) =>
        args.Length > 0 && (Array.IndexOf(All, args[0]) >= 0 || args[0].StartsWith("[suggest", StringComparison.Ordinal));
}
