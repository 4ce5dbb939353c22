namespace NetCt.Cli.Arguments;

/// <summary>
/// What to do, in the order of conntrack's enum ct_command bits (its legality tables are indexed by
/// them). The command letter and the table together pick one: <c>-L expect</c> is <see cref="ExpectList"/>;
/// <c>-L dying</c> and <c>-L unconfirmed</c> are <see cref="List"/> with <see cref="ParsedCommand.Table"/> saying which list.
/// </summary>
internal enum CommandKind
{
    /// <summary>-L, --dump.</summary>
    List = 0,

    /// <summary>-I, --create.</summary>
    Create = 1,

    /// <summary>-U, --update.</summary>
    Update = 2,

    /// <summary>-D, --delete.</summary>
    Delete = 3,

    /// <summary>-G, --get.</summary>
    Get = 4,

    /// <summary>-F, --flush.</summary>
    Flush = 5,

    /// <summary>-E, --event.</summary>
    Event = 6,

    /// <summary>-V, --version.</summary>
    Version = 7,

    /// <summary>-h, --help.</summary>
    Help = 8,

    /// <summary>-L expect.</summary>
    ExpectList = 9,

    /// <summary>-I expect.</summary>
    ExpectCreate = 10,

    /// <summary>-D expect.</summary>
    ExpectDelete = 11,

    /// <summary>-G expect.</summary>
    ExpectGet = 12,

    /// <summary>-F expect.</summary>
    ExpectFlush = 13,

    /// <summary>-E expect.</summary>
    ExpectEvent = 14,

    /// <summary>-C, --count.</summary>
    Count = 15,

    /// <summary>-C expect.</summary>
    ExpectCount = 16,

    /// <summary>-S, --stats.</summary>
    Stats = 17,

    /// <summary>-S expect.</summary>
    ExpectStats = 18,

    /// <summary>-A, --add.</summary>
    Add = 19,

    /// <summary>No command was given: conntrack prints its usage and exits 0.</summary>
    None = 20,
}
