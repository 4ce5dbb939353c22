namespace NetCt.Cli.Arguments;

/// <summary>One entry of a getopt_long option table (struct option).</summary>
/// <param name="Name">The long name, without "--".</param>
/// <param name="Argument">Whether it takes an argument.</param>
/// <param name="Code">What getopt returns for it (<c>val</c>); for protocol options it includes the table's offset.</param>
internal readonly record struct LongOption(string Name, ArgumentRequirement Argument, int Code);
