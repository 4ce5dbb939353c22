namespace NetCt.Cli.Arguments;

/// <summary>What one call of <see cref="GetoptLong.Next"/> found.</summary>
internal enum GetoptStatus
{
    /// <summary>An option; its code and argument are in the result.</summary>
    Option,

    /// <summary>No options are left (getopt returned -1).</summary>
    End,

    /// <summary>An unknown or ambiguous option, or an argument given to an option that takes none ('?').</summary>
    Unknown,

    /// <summary>A required argument is missing (':', since conntrack's option string starts with ':').</summary>
    MissingArgument,
}
