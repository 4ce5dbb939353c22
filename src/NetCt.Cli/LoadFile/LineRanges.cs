namespace NetCt.Cli.LoadFile;

/// <summary>
/// Lines of a <c>-R</c> file written as ranges ("18-25,27,30-40"). Commands that follow each other
/// form one range even when comments or blank lines lie between them.
/// </summary>
internal sealed class LineRanges
{
    private readonly List<(int First, int Last)> _ranges = [];
    private int _lastCommand = -2;

    /// <summary>How many commands were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the command at <paramref name="commandIndex"/> (in file order), found on <paramref name="line"/>.</summary>
    public void Add(int commandIndex, int line)
    {
        if (commandIndex == _lastCommand + 1 && _ranges.Count > 0)
            _ranges[^1] = (_ranges[^1].First, line);
        else
            _ranges.Add((line, line));
        _lastCommand = commandIndex;
        Count++;
    }

    /// <summary>"line 18" or "lines 18-25,27".</summary>
    public override string ToString() =>
        (Count == 1 ? "line " : "lines ")
        + string.Join(',', _ranges.Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}-{r.Last}"));
}
