namespace NetCt.Cli.Arguments;

/// <summary>
/// Ends parsing at the first problem, as conntrack's exit_error() does; caught by
/// <see cref="CommandLineParser"/> and turned into <see cref="ParseOutcome.Error"/>.
/// </summary>
internal sealed class ParameterException(ParameterError error) : Exception(error.Message)
{
    public ParameterError Error { get; } = error;

    public static ParameterException Problem(string message) => new(new ParameterError(message));

    public static ParameterException Other(string message) => new(new ParameterError(message, ParameterError.OtherProblem));
}
