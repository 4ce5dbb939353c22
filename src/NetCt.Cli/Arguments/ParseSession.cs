using NetCt.Cli.Labels;
using NetCt.Cli.Output;

namespace NetCt.Cli.Arguments;

/// <summary>
/// What conntrack keeps in globals across the lines of a <c>-R</c> file: the output flags (every
/// line's <c>-o</c> adds to them, and all lines run with the total), the label map, and the
/// messages printed on stderr while parsing.
/// </summary>
internal sealed class ParseSession(ParserEnvironment environment)
{
    public ParserEnvironment Environment { get; } = environment;

    public OutputFlags Output { get; set; }

    public ConnLabelTable? Labels { get; private set; }

    /// <summary>Warnings, in the order conntrack prints them (before any error or output).</summary>
    public List<string> Diagnostics { get; } = [];

    /// <summary>conntrack's labelmap_init(): load the map once; each failed attempt prints perror's line.</summary>
    public ConnLabelTable? LoadLabels()
    {
        if (Labels is not null)
            return Labels;
        Labels = ConnLabelTable.TryLoad(Environment.LabelMapPath, out string failure);
        if (Labels is null)
            Diagnostics.Add($"nfct_labelmap_new: {failure}");
        return Labels;
    }
}
