namespace NetCt.Cli.Arguments;

/// <summary>Whether an option takes an argument: getopt's <c>has_arg</c>.</summary>
internal enum ArgumentRequirement
{
    /// <summary>no_argument.</summary>
    None = 0,

    /// <summary>required_argument: attached (<c>-s1.2.3.4</c>, <c>--src=1.2.3.4</c>) or the next word.</summary>
    Required = 1,

    /// <summary>optional_argument: only an attached value counts (<c>-Lexpect</c>, <c>--dump=expect</c>).</summary>
    Optional = 2,
}
