namespace NetCt.Cli.Commands;

/// <summary>
/// Why <c>--netns</c> could not be entered: a name or path that does not lead to a network
/// namespace is a parameter problem (exit 2); a namespace the kernel does not let netct open or
/// enter is exit 1.
/// </summary>
/// <param name="Message">One line, without the program prefix.</param>
/// <param name="IsParameterProblem">True when the command line named something that is not a network namespace.</param>
internal sealed record NamespaceRefusal(string Message, bool IsParameterProblem)
{
    public int ExitCode => IsParameterProblem ? ExitCodes.ParameterProblem : ExitCodes.OtherProblem;
}
