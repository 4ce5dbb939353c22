namespace NetCt.Cli.Arguments;

/// <summary>
/// A problem with the command line, reported the way conntrack's exit_error() does: one line with
/// the program prefix, then for parameter problems the "Try ... --help" line.
/// </summary>
/// <param name="Message">The text after the prefix, identical to conntrack's.</param>
/// <param name="ExitCode"><see cref="ParameterProblem"/> (2) or, for the few checks conntrack reports as OTHER_PROBLEM, <see cref="OtherProblem"/> (1).</param>
internal sealed record ParameterError(string Message, int ExitCode = ParameterError.ParameterProblem)
{
    /// <summary>Lines netct adds after conntrack's message (every bad line of a -R file), before the "Try" line.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>conntrack's PARAMETER_PROBLEM exit code.</summary>
    public const int ParameterProblem = 2;

    /// <summary>conntrack's OTHER_PROBLEM exit code.</summary>
    public const int OtherProblem = 1;

    /// <summary>What goes to stderr, newline-terminated lines.</summary>
    public string StderrText
    {
        get
        {
            var text = new System.Text.StringBuilder($"{ProgramIdentity.VersionLine}: {Message}\n");
            foreach (string detail in Details)
                text.Append(detail).Append('\n');
            if (ExitCode == ParameterProblem)
                text.Append($"Try `{ProgramIdentity.Name} -h' or '{ProgramIdentity.Name} --help' for more information.\n");
            return text.ToString();
        }
    }
}
