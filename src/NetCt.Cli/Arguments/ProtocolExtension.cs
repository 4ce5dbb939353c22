using NetCt.Cli.Libc;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// A layer-4 protocol's part of the grammar (conntrack's extensions/libct_proto_*.c): the options
/// <c>-p</c> adds, how each value is read into the templates, and which options each command needs.
/// </summary>
internal abstract class ProtocolExtension
{
    private string? _name;

    /// <summary>
    /// The name <c>-p</c> accepts (case-insensitive) and <c>-h -p</c> prints: conntrack's extensions
    /// are the protocols libnetfilter_conntrack names, under the same names (<see cref="ProtocolNames"/>).
    /// </summary>
    public virtual string Name => _name ??= ProtocolNames.Text(Number);

    /// <summary>The IP protocol number.</summary>
    public abstract byte Number { get; }

    /// <summary>The options, with this extension's own codes (conntrack offsets them when merging).</summary>
    public abstract IReadOnlyList<LongOption> Options { get; }

    /// <summary>
    /// <see cref="CommandParser"/>'s option table after a first <c>-p</c> naming this protocol:
    /// conntrack's options and this extension's at the first offset. It is the same for every command
    /// line that names the protocol (nearly every line of a -R file), so it is built once and kept
    /// here (the extensions with options are singletons). Two threads may both build it: the tables
    /// are equal.
    /// </summary>
    public IReadOnlyList<LongOption>? TableAfterFirstSelection { get; set; }

    /// <summary>What <c>-h -p NAME</c> prints after the "Proto `NAME' help:" line.</summary>
    public abstract string HelpText { get; }

    /// <summary>The extension's commands_v_options, or null for one without a final check.</summary>
    protected abstract LegalityTable? Legality { get; }

    /// <summary>
    /// Reads one option into the templates and records it in <paramref name="flags"/>. The code is
    /// whatever conntrack computes from the option's merged code and this extension's offset, which
    /// is not always one of this extension's codes (see <see cref="CommandParser"/>); such codes are ignored, as conntrack does.
    /// </summary>
    public abstract void Parse(int code, string argument, FlowTemplates templates, ref uint flags);

    /// <summary>conntrack's final_check(): the message for options this command refuses or misses, or null.</summary>
    public string? Check(uint flags, CommandKind command) => Legality?.Check(flags, command);

    /// <summary>What the extension adds to an entry that is being created (after a successful check).</summary>
    public virtual void CompleteNewEntry(Flow entry)
    {
    }

    /// <summary>atoi() truncated to 16 bits, as the extensions read ports (no range check: 70000 is 4464).</summary>
    protected static ushort Port(string argument) => unchecked((ushort)CNumber.AtoI(argument));

    /// <summary>Sets the source or destination port (or GRE key) of a tuple, and the tuple's protocol with it.</summary>
    protected static void SetPort(FlowTuple tuple, bool source, ushort port, byte protocol)
    {
        if (source)
            tuple.SourcePort = port;
        else
            tuple.DestinationPort = port;
        tuple.Protocol = protocol;
    }
}
