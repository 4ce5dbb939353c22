using NetCt.Cli.Libc;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// conntrack 1.4.8's do_parse(): reads one command line option by option, in order, into the
/// templates, then applies its checks in its order (command/option legality, then the protocol's),
/// so that the first problem conntrack would report is the one reported.
/// </summary>
internal sealed class CommandParser(ParseSession session)
{
    private static readonly string[] StatusWords = ["ASSURED", "SEEN_REPLY", "UNSET", "FIXED_TIMEOUT", "EXPECTED", "OFFLOAD", "HW_OFFLOAD"];
    private static readonly FlowStatus[] StatusBits =
        [FlowStatus.Assured, FlowStatus.SeenReply, FlowStatus.None, FlowStatus.FixedTimeout, FlowStatus.Expected, FlowStatus.Offload, FlowStatus.HardwareOffload];
    private const int UnsetWord = 2;

    private static readonly string[] EventWords = ["ALL", "NEW", "UPDATES", "DESTROY"];
    private static readonly FlowEventTypes[] EventValues = [FlowEventTypes.All, FlowEventTypes.New, FlowEventTypes.Update, FlowEventTypes.Destroy];

    private static readonly string[] OutputWords = ["xml", "extended", "timestamp", "id", "ktimestamp", "labels", "userspace", "save"];
    // netct's own words come last and only count in full (see KeywordList.Parse).
    private static readonly string[] NetctOutputWords = ["json"];
    private static readonly OutputFlags[] OutputValues =
        [OutputFlags.Xml, OutputFlags.Extended, OutputFlags.Timestamp, OutputFlags.Id, OutputFlags.KTimestamp, OutputFlags.Labels, OutputFlags.Userspace, OutputFlags.Save, OutputFlags.Json];

    private const OutputFlags NotCombinableWithSave =
        OutputFlags.Extended | OutputFlags.Timestamp | OutputFlags.Id | OutputFlags.KTimestamp | OutputFlags.Labels | OutputFlags.Xml;

    // conntrack merges each -p's options into its table with codes offset by a multiple of 256.
    private const int ProtocolOptionOffsetStep = 256;

    private readonly FlowTemplates _templates = new();
    // The table of conntrack's options merged with those of each -p so far; never modified in place.
    private IReadOnlyList<LongOption> _options = ConntrackOptionTable.LongOptions;
    private ProtocolExtension? _protocol;
    private int _protocolOffset;
    private uint _protocolFlags;
    private CommandKind? _command;
    private TableName _table;
    private CommandOptions _given;
    private IpFamily _family;
    private FlowStatus _statusValue;
    private FlowStatus _statusMask;
    private FlowEventTypes? _events;
    private ulong? _bufferSize;
    private bool _resync;
    private MarkFilter? _mark;
    private SortedSet<int>? _labelFilter;
    private SortedSet<int>? _labelChange;

    /// <summary>Parses <paramref name="argv"/> (argv[0] being the program name) or throws <see cref="ParameterException"/>.</summary>
    public ParsedCommand Parse(IReadOnlyList<string> argv)
    {
        var getopt = new GetoptLong(argv, ConntrackOptionTable.ShortOptions);
        while (true)
        {
            var result = getopt.Next(_options);
            switch (result.Status)
            {
                case GetoptStatus.End:
                    return Finish();
                case GetoptStatus.Unknown:
                    throw ParameterException.Problem($"unknown option `{getopt.WordBeforeCursor}'");
                case GetoptStatus.MissingArgument:
                    throw ParameterException.Problem($"option `{getopt.WordBeforeCursor}' requires an argument");
                default:
                    Apply(result, getopt);
                    break;
            }
        }
    }

    private void Apply(GetoptResult option, GetoptLong getopt)
    {
        if (option.Code >= ProtocolOptionOffsetStep)
        {
            // conntrack hands the protocol of the last -p the merged code minus that protocol's
            // offset, truncated to a char. The options of an earlier -p stay in the table and
            // reach it that way: with "-p tcp -p udp", tcp's --state arrives as udp's --tuple-port-src.
            _protocol!.Parse(unchecked((sbyte)(option.Code - _protocolOffset)), option.Argument!, _templates, ref _protocolFlags);
            return;
        }

        var code = (OptionCode)option.Code;
        string argument = option.Argument!;
        switch (code)
        {
            case OptionCode.List or OptionCode.Create or OptionCode.Delete or OptionCode.Get or OptionCode.Flush
                or OptionCode.Event or OptionCode.Version or OptionCode.Help or OptionCode.Count or OptionCode.Stats
                or OptionCode.Update or OptionCode.Add:
                AddCommand(code, TableNameReader.Read(getopt.TakeOptionalOperand(option)));
                break;
            case OptionCode.OriginalSource or OptionCode.OriginalDestination or OptionCode.ReplySource or OptionCode.ReplyDestination
                or OptionCode.TupleSource or OptionCode.TupleDestination or OptionCode.MaskSource or OptionCode.MaskDestination:
                ParseAddress(AddressOption.For(code)!.Value, argument);
                break;
            case OptionCode.Protocol:
                SelectProtocol(argument);
                break;
            case OptionCode.Timeout:
                _given |= CommandOptions.Timeout;
                _templates.Entry.Timeout = unchecked((uint)CNumber.AtoL(argument));
                break;
            case OptionCode.Status:
                _given |= CommandOptions.Status;
                ParseStatus(argument);
                break;
            case OptionCode.EventMask:
                _given |= CommandOptions.EventMask;
                var events = _events ?? FlowEventTypes.None;
                KeywordList.Parse(argument, EventWords, i => events |= EventValues[i], session.Diagnostics);
                _events = events;
                break;
            case OptionCode.Output:
                _given |= CommandOptions.Output;
                ParseOutput(argument);
                break;
            case OptionCode.Zero:
                _given |= CommandOptions.Zero;
                break;
            case OptionCode.SourceNat or OptionCode.DestinationNat or OptionCode.AnyNat:
                ParseNat(code, getopt.TakeOptionalOperand(option));
                break;
            case OptionCode.Zone:
                _given |= CommandOptions.Zone;
                _templates.Entry.Zone = Zone(argument);
                break;
            case OptionCode.OriginalZone:
                _given |= CommandOptions.OriginalZone;
                FlowTemplates.Original(_templates.Entry).Zone = Zone(argument);
                break;
            case OptionCode.ReplyZone:
                _given |= CommandOptions.ReplyZone;
                FlowTemplates.Reply(_templates.Entry).Zone = Zone(argument);
                break;
            case OptionCode.Id:
                _given |= CommandOptions.Id;
                // --id's argument is optional in conntrack's table, and conntrack 1.4.8 crashes
                // (strtoul(NULL)) when it is not attached, even for "--id 7"; netct takes the next
                // word as -n and -L do, and reports a missing one.
                string id = option.Argument ?? getopt.TakeOptionalOperand(option)
                    ?? throw ParameterException.Problem($"option `{getopt.WordBeforeCursor}' requires an argument");
                _templates.Entry.Id = unchecked((uint)CNumber.StrToUL(id, 0));
                break;
            case OptionCode.Secmark:
                _given |= CommandOptions.Secmark;
                _templates.Entry.Secmark = unchecked((uint)CNumber.StrToUL(argument, 0));
                break;
            case OptionCode.Mark:
                _given |= CommandOptions.Mark;
                _mark = MarkFilter.Parse(argument);
                break;
            case OptionCode.Label or OptionCode.LabelAdd or OptionCode.LabelDelete:
                ParseLabels(code, option, getopt);
                break;
            case OptionCode.NatRange:
                session.Diagnostics.Add("WARNING: ignoring -a, deprecated option.");
                break;
            case OptionCode.Family:
                _given |= CommandOptions.Family;
                if (argument.StartsWith("ipv4", StringComparison.Ordinal))
                    SetFamily(IpFamily.IPv4);
                else if (argument.StartsWith("ipv6", StringComparison.Ordinal))
                    SetFamily(IpFamily.IPv6);
                else
                    throw ParameterException.Problem($"`{argument}' unsupported protocol");
                break;
            case OptionCode.BufferSize:
                _given |= CommandOptions.BufferSize;
                _bufferSize = unchecked((ulong)CNumber.AtoL(argument));
                break;
            case OptionCode.Resync:
                _resync = true;
                break;
        }
    }

    private static ushort Zone(string argument) => unchecked((ushort)CNumber.StrToUL(argument, 0));

    private void AddCommand(OptionCode letter, TableName table)
    {
        bool expect = table == TableName.Expect;
        CommandKind? command = letter switch
        {
            OptionCode.List => expect ? CommandKind.ExpectList : CommandKind.List,
            OptionCode.Create => expect ? CommandKind.ExpectCreate : CommandKind.Create,
            OptionCode.Delete => expect ? CommandKind.ExpectDelete : CommandKind.Delete,
            OptionCode.Get => expect ? CommandKind.ExpectGet : CommandKind.Get,
            OptionCode.Flush => expect ? CommandKind.ExpectFlush : CommandKind.Flush,
            OptionCode.Event => expect ? CommandKind.ExpectEvent : CommandKind.Event,
            OptionCode.Count => expect ? CommandKind.ExpectCount : CommandKind.Count,
            OptionCode.Stats => expect ? CommandKind.ExpectStats : CommandKind.Stats,
            OptionCode.Version => CommandKind.Version,
            OptionCode.Help => CommandKind.Help,
            OptionCode.Update => expect ? null : CommandKind.Update,
            _ => expect ? null : CommandKind.Add,
        };
        if (letter != OptionCode.List && table is TableName.Dying or TableName.Unconfirmed)
            throw ParameterException.Problem("Can't do that command with tables `dying' and `unconfirmed'");
        if (command is null)
            throw ParameterException.Problem($"Can't do --{ConntrackOptionTable.LongNameOf(letter)} on expectations");
        if (_command is not null)
            throw ParameterException.Problem("Invalid commands combination");
        _command = command;
        _table = table;
    }

    private void SetFamily(IpFamily family)
    {
        if (_family == IpFamily.Unspecified)
            _family = family;
        else if (_family != family)
            throw ParameterException.Problem("mismatched address family");
    }

    // nfct_parse_addr_from_opt().
    private void ParseAddress(AddressOption option, string argument)
    {
        var parsed = ParsedAddress.Parse(argument);
        if (parsed.Address is null)
            throw ParameterException.Problem($"Invalid IP address `{argument}'");
        SetFamily(parsed.Family);
        if (parsed.PrefixLength != ParsedAddress.NoPrefix && option.Mask == AddressOption.MaskKind.None)
            throw ParameterException.Problem($"CIDR notation unavailable for `--{ConntrackOptionTable.LongNameOf(option.Code)}'");
        if (parsed.PrefixLength == ParsedAddress.InvalidPrefix)
            throw ParameterException.Problem("Invalid netmask");

        option.Store(option.Template(_templates), parsed.Address, parsed.Family);
        _given |= option.Flag;

        int fullLength = parsed.Family == IpFamily.IPv6 ? 128 : 32;
        if (parsed.PrefixLength == ParsedAddress.NoPrefix || parsed.PrefixLength == fullLength)
            return;
        var maskOption = AddressOption.For(option.Mask == AddressOption.MaskKind.SourceMask ? OptionCode.MaskSource : OptionCode.MaskDestination)!.Value;
        maskOption.Store(_templates.Mask, parsed.Netmask(), parsed.Family);
        _given |= maskOption.Flag;
    }

    private void SelectProtocol(string name)
    {
        _given |= CommandOptions.Protocol;
        _protocol = ProtocolCatalog.Find(name, () => session.Environment.Protocols)
            ?? throw ParameterException.Problem($"`{name}' unsupported protocol");
        // Each -p adds its options again, at the next offset; the last protocol's offset is what
        // conntrack subtracts from every protocol option's code.
        _protocolOffset += ProtocolOptionOffsetStep;
        if (_protocol.Options.Count == 0)
        {
            // A protocol without an extension (a new instance each time) adds nothing to the table.
        }
        else if (_protocolOffset == ProtocolOptionOffsetStep)
        {
            _options = _protocol.TableAfterFirstSelection ??= Merge(ConntrackOptionTable.LongOptions, _protocol, ProtocolOptionOffsetStep);
        }
        else
        {
            _options = Merge(_options, _protocol, _protocolOffset);
        }
        FlowTemplates.Original(_templates.Entry).Protocol = _protocol.Number;
    }

    private static LongOption[] Merge(IReadOnlyList<LongOption> table, ProtocolExtension protocol, int offset)
    {
        var merged = new LongOption[table.Count + protocol.Options.Count];
        for (int i = 0; i < table.Count; i++)
            merged[i] = table[i];
        for (int i = 0; i < protocol.Options.Count; i++)
            merged[table.Count + i] = protocol.Options[i] with { Code = protocol.Options[i].Code + offset };
        return merged;
    }

    private void ParseStatus(string argument)
    {
        var value = _statusValue;
        var mask = _statusMask;
        KeywordList.ParseWithNegation(
            argument,
            StatusWords,
            (word, negated) =>
            {
                // UNSET stands for "none of the status words -o save prints"; !UNSET says nothing.
                if (word == UnsetWord)
                {
                    if (!negated)
                        mask |= StatusFilter.UnsetBits;
                    return;
                }
                if (!negated)
                    value |= StatusBits[word];
                mask |= StatusBits[word];
            },
            () => mask |= FlowStatus.SeenReply,
            session.Diagnostics);
        _statusValue = value;
        _statusMask = mask;
        _templates.Entry.Status = value;
    }

    private void ParseOutput(string argument)
    {
        var output = session.Output;
        KeywordList.Parse(argument, OutputWords, i => output |= OutputValues[i], session.Diagnostics, NetctOutputWords);
        session.Output = output;
        if (output.HasFlag(OutputFlags.Labels))
            session.LoadLabels();
        if (output.HasFlag(OutputFlags.Save) && (output & NotCombinableWithSave) != 0)
            throw ParameterException.Other("cannot combine save output with any other output type, use -o save only");
        // The other words only decorate text; JSON carries every field the kernel sent anyway.
        if (output.HasFlag(OutputFlags.Json) && (output & (OutputFlags.Xml | OutputFlags.Save)) != 0)
            throw ParameterException.Problem("cannot combine json output with xml or save output");
    }

    private void ParseNat(OptionCode code, string? argument)
    {
        _given |= code switch
        {
            OptionCode.SourceNat => CommandOptions.SourceNat,
            OptionCode.DestinationNat => CommandOptions.DestinationNat,
            _ => CommandOptions.AnyNat,
        };
        if (argument is null)
            return;

        var (addressText, port) = NatAddress.Split(argument);
        var parsed = ParsedAddress.Parse(addressText);
        if (parsed.Address is null)
            throw ParameterException.Problem($"Invalid IP address `{addressText}'");
        SetFamily(parsed.Family);
        if (parsed.PrefixLength != ParsedAddress.NoPrefix)
            throw ParameterException.Problem($"CIDR notation unavailable for `--{ConntrackOptionTable.LongNameOf(code)}'");

        ushort? portValue = port is null ? null : NatAddress.PortValue(port);
        NatRange Range() => new() { MinAddress = parsed.Address, MaxAddress = parsed.Address, MinPort = portValue, MaxPort = portValue };
        var entry = _templates.Entry;
        entry.Family = parsed.Family;
        // -j sets both directions; conntrack also writes the address into a field found past the
        // end of one of its tables (the original source, as it happens), which netct does not.
        if (code != OptionCode.DestinationNat)
            entry.SourceNat = Range();
        if (code != OptionCode.SourceNat)
            entry.DestinationNat = Range();
    }

    private void ParseLabels(OptionCode code, GetoptResult option, GetoptLong getopt)
    {
        _given |= code switch
        {
            OptionCode.Label => CommandOptions.Label,
            OptionCode.LabelAdd => CommandOptions.LabelAdd,
            _ => CommandOptions.LabelDelete,
        };
        var map = session.LoadLabels();
        if (_given.HasFlag(CommandOptions.LabelAdd) && _given.HasFlag(CommandOptions.LabelDelete))
            throw ParameterException.Other("cannot use --label-add and --label-del at the same time");

        string? list = option.Argument;
        if (code == OptionCode.LabelDelete)
        {
            // Only a separate word names labels; a bare --label-del (or --label-del=x) clears them all.
            list = getopt.TakeOptionalOperand(option);
            if (list is null)
                return;
        }
        var bits = LabelBits.Parse(list!, map);
        if (code == OptionCode.Label)
            (_labelFilter ??= []).UnionWith(bits);
        else
            (_labelChange ??= []).UnionWith(bits);
    }

    private ParsedCommand Finish()
    {
        var command = _command ?? CommandKind.None;
        if (_family == IpFamily.Unspecified
            && command is not (CommandKind.List or CommandKind.Update or CommandKind.Delete or CommandKind.Get or CommandKind.Flush or CommandKind.Event))
        {
            _family = IpFamily.IPv4;
        }

        if (_given.HasFlag(CommandOptions.AnyNat) && (_given & (CommandOptions.SourceNat | CommandOptions.DestinationNat)) != 0)
            throw ParameterException.Problem("cannot specify `--src-nat' or `--dst-nat' with `--any-nat'");
        // conntrack takes no -o with -S; netct's -S prints JSON lines with -o json.
        var checkedOptions = command == CommandKind.Stats && session.Output.HasFlag(OutputFlags.Json) ? _given & ~CommandOptions.Output : _given;
        if (ConntrackLegality.Table.Check((uint)checkedOptions, command) is string illegal)
            throw ParameterException.Problem(illegal);
        if (_resync && command != CommandKind.Event)
            throw ParameterException.Problem("Illegal option `--resync' with this command");
        if (command != CommandKind.Help && _protocol?.Check(_protocolFlags, command) is string protocolIllegal)
            throw ParameterException.Problem(protocolIllegal);
        CheckFilterOptions(command);

        if (command is CommandKind.Create or CommandKind.Add)
            _protocol?.CompleteNewEntry(_templates.Entry);

        return new ParsedCommand
        {
            Command = command,
            Table = _table,
            Options = _given,
            Family = _family,
            Templates = _templates,
            Mark = _mark,
            Status = _given.HasFlag(CommandOptions.Status) ? new StatusFilter(_statusValue, _statusMask) : null,
            LabelFilter = _labelFilter is null ? null : LabelBits.ToBitmap(_labelFilter),
            LabelChange = LabelChangeOf(),
            Events = _events,
            Output = session.Output,
            BufferSize = _bufferSize,
            Resync = _resync,
            Protocol = _protocol,
            ProtocolHelpName = _protocol is UnknownProtocolExtension unknown
                ? session.Environment.Protocols.NameOf(unknown.Number) ?? unknown.Name
                : _protocol?.Name,
            Labels = session.Labels,
        };
    }

    // conntrack checks these when the command runs (after -R has run the earlier lines); netct
    // checks them with the rest, before anything runs.
    private void CheckFilterOptions(CommandKind command)
    {
        bool filters = command is CommandKind.Update or CommandKind.Delete or CommandKind.Event
            || (command == CommandKind.List && _table == TableName.Conntrack);
        if (!filters)
            return;
        if (command == CommandKind.List && _given.HasFlag(CommandOptions.Zero) && (_given & CommandOptions.Comparison) != 0)
            throw ParameterException.Problem("Can't use -z with filtering parameters");
        if (_given.HasFlag(CommandOptions.MaskSource) && !_given.HasFlag(CommandOptions.OriginalSource))
            throw ParameterException.Problem("Can't use --mask-src without --src");
        if (_given.HasFlag(CommandOptions.MaskDestination) && !_given.HasFlag(CommandOptions.OriginalDestination))
            throw ParameterException.Problem("Can't use --mask-dst without --dst");
    }

    private LabelChange? LabelChangeOf()
    {
        if (_given.HasFlag(CommandOptions.LabelAdd))
            return new LabelChange(true, _labelChange is null ? null : LabelBits.ToBitmap(_labelChange));
        if (_given.HasFlag(CommandOptions.LabelDelete))
            return new LabelChange(false, _labelChange is null ? null : LabelBits.ToBitmap(_labelChange));
        return null;
    }
}
