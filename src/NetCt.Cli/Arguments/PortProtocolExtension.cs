using NetCt.Conntrack;
using static NetCt.Cli.Arguments.ArgumentRequirement;

namespace NetCt.Cli.Arguments;

/// <summary>
/// What tcp, udp, udplite, sctp and dccp share. Each of their options is one column: its option
/// code (the extension's first code plus the column), its flag bit and its column of the legality
/// table are the same number, as in conntrack's libct_proto_* files. The six port columns
/// (original, reply and mask ports; <c>--sport</c> and <c>--dport</c> name the first two) come
/// first, then the extension's own, among them the expected tuple's ports.
/// </summary>
internal abstract class PortProtocolExtension : ProtocolExtension
{
    /// <summary>The help lines of the port options (sic: conntrack names tuple-port-src twice).</summary>
    protected const string PortHelp =
        "  --orig-port-src\t\toriginal source port\n" +
        "  --orig-port-dst\t\toriginal destination port\n" +
        "  --reply-port-src\t\treply source port\n" +
        "  --reply-port-dst\t\treply destination port\n" +
        "  --mask-port-src\t\tmask source port\n" +
        "  --mask-port-dst\t\tmask destination port\n" +
        "  --tuple-port-src\t\texpectation tuple src port\n" +
        "  --tuple-port-src\t\texpectation tuple dst port\n";

    private const string ReplyPortsMessage = "you have to specify `--reply-src-port' and `--reply-dst-port'";

    // The commands that have a row in the extensions' tables, in the order of each column's Rules.
    private static readonly CommandKind[] RuleCommands =
    [
        CommandKind.List, CommandKind.Create, CommandKind.Update, CommandKind.Delete, CommandKind.Get, CommandKind.Event,
        CommandKind.ExpectCreate, CommandKind.ExpectDelete, CommandKind.ExpectGet, CommandKind.Add,
    ];

    private static readonly PortColumn[] PortColumns =
    [
        new("orig-port-src", "2322321113", ReadPort(reply: false, mask: false, source: true), Alias: "sport"),
        new("orig-port-dst", "2322321113", ReadPort(reply: false, mask: false, source: false), Alias: "dport"),
        new("reply-port-src", "2322320113", ReadPort(reply: true, mask: false, source: true)),
        new("reply-port-dst", "2322320113", ReadPort(reply: true, mask: false, source: false)),
        new("mask-port-src", "0000001000", ReadPort(reply: false, mask: true, source: true)),
        new("mask-port-dst", "0000001000", ReadPort(reply: false, mask: true, source: false)),
    ];

    private readonly int _firstCode;
    private readonly PortColumn[] _columns;
    private readonly string _replyPortsMessage;
    private LegalityTable? _legality;

    /// <param name="firstCode">The code of the first column's option ('1' in tcp and udp, 1 in the others).</param>
    /// <param name="ownColumns">The extension's columns after the six port ones, in order.</param>
    /// <param name="aliasesAfter">
    /// The option after which <c>--sport</c> and <c>--dport</c> stand in the option table, or null for
    /// right after the options they name. The order decides getopt's list of an ambiguous option's possibilities.
    /// </param>
    /// <param name="replyPortsMessage">The message for a command that needs the reply ports and got one of them.</param>
    protected PortProtocolExtension(int firstCode, PortColumn[] ownColumns, string? aliasesAfter = null, string replyPortsMessage = ReplyPortsMessage)
    {
        _firstCode = firstCode;
        _columns = [.. PortColumns, .. ownColumns];
        Options = OptionTable(_columns, firstCode, aliasesAfter);
        _replyPortsMessage = replyPortsMessage;
    }

    /// <summary>Reads an option's value into the templates.</summary>
    /// <param name="argument">The option's value.</param>
    /// <param name="templates">The templates to fill.</param>
    /// <param name="protocol">The extension's protocol number, for the tuples it touches.</param>
    protected delegate void ColumnReader(string argument, FlowTemplates templates, byte protocol);

    public sealed override IReadOnlyList<LongOption> Options { get; }

    /// <summary><c>--state</c>: optional where entries are matched, required by -I and -A, refused by expectations.</summary>
    protected static PortColumn StateColumn(Action<string, Flow> read) =>
        new("state", "2122220001", (argument, templates, _) => read(argument, templates.Entry));

    /// <summary>--tuple-port-src and --tuple-port-dst: the expected tuple's ports, required by -I expect only.</summary>
    protected static PortColumn[] TuplePortColumns { get; } =
    [
        new("tuple-port-src", "0000001000", ReadTuplePort(source: true)),
        new("tuple-port-dst", "0000001000", ReadTuplePort(source: false)),
    ];

    // Built when a command is checked, for its one protocol: the catalog makes every extension at
    // start-up, and building all their tables cost -G a tenth of a millisecond.
    protected sealed override LegalityTable Legality => _legality ??= LegalityOf(_columns, _replyPortsMessage);

    public sealed override void Parse(int code, string argument, FlowTemplates templates, ref uint flags)
    {
        int column = code - _firstCode;
        if ((uint)column >= (uint)_columns.Length)
            return;
        _columns[column].Read(argument, templates, Number);
        flags |= 1u << column;
    }

    /// <summary>The state number found for <paramref name="argument"/> (-1 for none), else a problem "<paramref name="unknown"/> `argument'".</summary>
    protected static int KnownState(int number, string argument, string unknown) =>
        number >= 0 ? number : throw ParameterException.Problem($"{unknown} `{argument}'");

    private static ColumnReader ReadPort(bool reply, bool mask, bool source) => (argument, templates, protocol) =>
    {
        var flow = mask ? templates.Mask : templates.Entry;
        SetPort(reply ? FlowTemplates.Reply(flow) : FlowTemplates.Original(flow), source, Port(argument), protocol);
    };

    /// <remarks>
    /// tcp, sctp and dccp in conntrack store the port's network-order low byte as the tuple's
    /// protocol (a copy-and-paste slip); netct stores this extension's protocol number.
    /// </remarks>
    private static ColumnReader ReadTuplePort(bool source) => (argument, templates, protocol) =>
        SetPort(FlowTemplates.Original(templates.ExpectedTuple), source, Port(argument), protocol);

    private static LongOption[] OptionTable(PortColumn[] columns, int firstCode, string? aliasesAfter)
    {
        var options = new List<LongOption>();
        var aliases = new List<LongOption>();
        for (int column = 0; column < columns.Length; column++)
        {
            options.Add(new(columns[column].Option, Required, firstCode + column));
            if (columns[column].Alias is { } alias)
                (aliasesAfter is null ? options : aliases).Add(new(alias, Required, firstCode + column));
            if (columns[column].Option == aliasesAfter)
                options.AddRange(aliases);
        }
        if (aliasesAfter is not null && !columns.Any(column => column.Option == aliasesAfter))
            throw new ArgumentException($"no option `{aliasesAfter}' to put the aliases after", nameof(aliasesAfter));
        return [.. options];
    }

    private static LegalityTable LegalityOf(PortColumn[] columns, string replyPortsMessage)
    {
        // Plain loops: this runs at start-up for the command's protocol, and LINQ's first use there
        // costs more than the table itself.
        var rows = new Dictionary<CommandKind, string>(RuleCommands.Length);
        var names = new string[columns.Length];
        for (int command = 0; command < RuleCommands.Length; command++)
        {
            rows[RuleCommands[command]] = string.Create(columns.Length, (columns, command), static (row, state) =>
            {
                for (int column = 0; column < row.Length; column++)
                    row[column] = state.columns[column].Rules[state.command];
            });
        }
        for (int column = 0; column < columns.Length; column++)
            names[column] = columns[column].Alias ?? columns[column].Option;
        return new LegalityTable(
            names,
            rows,
            (1 << 0 | 1 << 1, "you have to specify `--sport' and `--dport'"),
            (1 << 2 | 1 << 3, replyPortsMessage));
    }

    /// <summary>One option of a port extension.</summary>
    /// <param name="Option">The long option.</param>
    /// <param name="Rules">
    /// Its <see cref="LegalityTable"/> digit for List, Create, Update, Delete, Get, Event, ExpectCreate,
    /// ExpectDelete, ExpectGet and Add, in that order; other commands refuse it.
    /// </param>
    /// <param name="Read">Reads its value.</param>
    /// <param name="Alias">A second name of the option, which is also the one messages use.</param>
    protected sealed record PortColumn(string Option, string Rules, ColumnReader Read, string? Alias = null);
}
