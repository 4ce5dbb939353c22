namespace NetCt.Cli.Arguments;

/// <summary>The outcome of one <see cref="GetoptLong.Next"/> call: getopt's return value and <c>optarg</c>.</summary>
internal readonly record struct GetoptResult(GetoptStatus Status, int Code, string? Argument)
{
    public static GetoptResult End { get; } = new(GetoptStatus.End, -1, null);

    public static GetoptResult Unknown { get; } = new(GetoptStatus.Unknown, '?', null);

    public static GetoptResult MissingArgument { get; } = new(GetoptStatus.MissingArgument, ':', null);
}
