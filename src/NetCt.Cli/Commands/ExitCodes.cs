namespace NetCt.Cli.Commands;

/// <summary>conntrack's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>OTHER_PROBLEM: the kernel refused, or a command affected nothing.</summary>
    public const int OtherProblem = 1;

    /// <summary>PARAMETER_PROBLEM: the command line is wrong.</summary>
    public const int ParameterProblem = 2;
}
