namespace NetCt.Cli.Arguments;

/// <summary>
/// A conntrack "commands_v_options" table and its generic_opt_check(): per command, each option is
/// illegal ('0'), required ('1'), optional ('2') or part of a pair ('3') of which one complete pair
/// must be given (source and destination of the original or of the reply direction).
/// The first offending option in column order decides the message, as in conntrack.
/// </summary>
internal sealed class LegalityTable
{
    private readonly string[] _names;
    private readonly Dictionary<CommandKind, string> _rows;
    private readonly (uint Flags, string Message)[] _pairs;

    /// <param name="names">The name of each column's option, as messages quote it (without "--").</param>
    /// <param name="rows">One string of rule digits per command; a command without a row allows nothing.</param>
    /// <param name="pairs">The pairs checked when a row has a '3', each with the message for when it is the one partly given (the first is also the message when none is).</param>
    public LegalityTable(string[] names, Dictionary<CommandKind, string> rows, params (uint Flags, string Message)[] pairs)
    {
        foreach (var row in rows.Values)
        {
            if (row.Length != names.Length)
                throw new ArgumentException($"row '{row}' does not have {names.Length} columns", nameof(rows));
        }
        _names = names;
        _rows = rows;
        _pairs = pairs;
    }

    /// <summary>The message conntrack prints for <paramref name="given"/> options with <paramref name="command"/>, or null when they are fine.</summary>
    public string? Check(uint given, CommandKind command)
    {
        string row = _rows.GetValueOrDefault(command) ?? new string('0', _names.Length);
        bool paired = false;
        for (int column = 0; column < row.Length; column++)
        {
            bool isGiven = (given & (1u << column)) != 0;
            if (!isGiven && row[column] == '1')
                return $"You need to supply the `--{_names[column]}' option for this command";
            if (isGiven && row[column] == '0')
                return $"Illegal option `--{_names[column]}' with this command";
            paired |= row[column] == '3';
        }
        if (!paired || _pairs.Length == 0)
            return null;

        int partial = -1;
        for (int i = 0; i < _pairs.Length; i++)
        {
            uint pair = _pairs[i].Flags;
            if ((given & pair) == pair)
                return null;
            if ((given & pair) != 0 && partial < 0)
                partial = i;
        }
        return _pairs[Math.Max(partial, 0)].Message;
    }
}
