using System.Runtime.CompilerServices;

namespace NetCt.Cli.Arguments;

/// <summary>
/// glibc's getopt_long(), step by step, because conntrack's grammar is whatever getopt_long makes
/// of its tables: short clusters (<c>-zL</c>), attached values (<c>-s1.2.3.4</c>, <c>--src=...</c>),
/// unique prefixes of long names (<c>--orig-s</c>), optional arguments that only count when attached,
/// and argument permutation (operands anywhere are skipped, "--" ends the options).
/// The option table is passed on each call since conntrack grows it when <c>-p</c> names a protocol.
/// Error reporting follows opterr = 0: the caller prints <see cref="WordBeforeCursor"/>.
/// </summary>
internal sealed class GetoptLong
{
    private readonly string[] _argv;
    private readonly string _shortOptions;
    private int _optind = 1;
    private int _firstNonOption = 1;
    private int _lastNonOption = 1;
    private string? _cluster;
    private int _clusterPosition;

    /// <param name="argv">The words, starting with the program name as C's argv does.</param>
    /// <param name="shortOptions">The getopt option string; a leading ':' selects ':' for a missing argument.</param>
    public GetoptLong(IEnumerable<string> argv, string shortOptions)
    {
        _argv = argv.ToArray();
        _shortOptions = shortOptions;
    }

    /// <summary><c>argv[optind - 1]</c>, the word conntrack names in "unknown option" and "requires an argument" errors.</summary>
    public string WordBeforeCursor => _argv[_optind - 1];

    public GetoptResult Next(IReadOnlyList<LongOption> longOptions)
    {
        if (!InCluster)
        {
            if (!AdvanceToNextOption())
                return GetoptResult.End;
            string word = _argv[_optind];
            if (word[1] == '-')
            {
                _cluster = word;
                _clusterPosition = 2;
                return LongOptionAt(longOptions);
            }
            _cluster = word;
            _clusterPosition = 1;
        }
        return ShortOptionAt();
    }

    /// <summary>
    /// conntrack's get_optional_arg(): when an optional argument was not attached, take the next
    /// word as the argument unless it starts with '-' or '!' (a trick conntrack took from iptables).
    /// An attached argument is ignored, so <c>-Lexpect</c> lists the conntrack table.
    /// </summary>
    public string? TakeOptionalOperand(GetoptResult option)
    {
        if (option.Argument is not null)
            return null;
        if (_optind < _argv.Length && !_argv[_optind].StartsWith('-') && !_argv[_optind].StartsWith('!'))
            return _argv[_optind++];
        return null;
    }

    private bool InCluster => _cluster is not null && _clusterPosition < _cluster.Length;

    private static bool IsNonOption(string word) => word.Length < 2 || word[0] != '-';

    // The part of _getopt_internal_r that runs between words: permute skipped operands behind the
    // options seen so far, stop at "--" or the end.
    private bool AdvanceToNextOption()
    {
        if (_lastNonOption > _optind)
            _lastNonOption = _optind;
        if (_firstNonOption > _optind)
            _firstNonOption = _optind;

        if (_firstNonOption != _lastNonOption && _lastNonOption != _optind)
            Exchange();
        else if (_lastNonOption != _optind)
            _firstNonOption = _optind;
        while (_optind < _argv.Length && IsNonOption(_argv[_optind]))
            _optind++;
        _lastNonOption = _optind;

        if (_optind != _argv.Length && _argv[_optind] == "--")
        {
            _optind++;
            if (_firstNonOption != _lastNonOption && _lastNonOption != _optind)
                Exchange();
            else if (_firstNonOption == _lastNonOption)
                _firstNonOption = _optind;
            _lastNonOption = _argv.Length;
            _optind = _argv.Length;
        }

        if (_optind == _argv.Length)
        {
            if (_firstNonOption != _lastNonOption)
                _optind = _firstNonOption;
            return false;
        }
        return true;
    }

    // glibc's exchange(): move the skipped operands [first, last) after the options [last, optind),
    // keeping both runs in order. It matters because errors quote argv[optind - 1].
    private void Exchange()
    {
        var operands = _argv[_firstNonOption.._lastNonOption];
        var options = _argv[_lastNonOption.._optind];
        options.CopyTo(_argv, _firstNonOption);
        operands.CopyTo(_argv, _firstNonOption + options.Length);
        _firstNonOption += _optind - _lastNonOption;
        _lastNonOption = _optind;
    }

    private GetoptResult ShortOptionAt()
    {
        string cluster = _cluster!;
        char c = cluster[_clusterPosition++];
        int spec = _shortOptions.IndexOf(c);
        bool clusterDone = _clusterPosition == cluster.Length;
        if (clusterDone)
            _optind++;
        if (spec < 0 || c == ':' || c == ';')
            return GetoptResult.Unknown;

        bool takesArgument = spec + 1 < _shortOptions.Length && _shortOptions[spec + 1] == ':';
        if (!takesArgument)
            return new GetoptResult(GetoptStatus.Option, c, null);

        bool optional = spec + 2 < _shortOptions.Length && _shortOptions[spec + 2] == ':';
        string? argument = null;
        if (!clusterDone)
        {
            argument = cluster[_clusterPosition..];
            _optind++;
        }
        else if (!optional)
        {
            if (_optind == _argv.Length)
            {
                _cluster = null;
                return _shortOptions.StartsWith(':') ? GetoptResult.MissingArgument : GetoptResult.Unknown;
            }
            argument = _argv[_optind++];
        }
        _cluster = null;
        return new GetoptResult(GetoptStatus.Option, c, argument);
    }

    // A command line names a few long options, which a scan of the table finds sooner than an index
    // could be built (the index, its string hashing and the table of indexes cost -G about 0.04 ms
    // of start-up). A -R file names thousands: once the run has looked up this many names, each
    // table is indexed, once, and every later name is looked up in its index.
    private const int ScannedLookups = 64;

    private static int s_lookups;

    /// <summary>The position of the first option named exactly <paramref name="name"/>, or -1.</summary>
    private static int FindExact(IReadOnlyList<LongOption> longOptions, ReadOnlySpan<char> name)
    {
        if (s_lookups >= ScannedLookups)
            return NameIndex.Find(longOptions, name);
        s_lookups++; // threads parsing at once may miscount: either way finds the same option
        return ScanForName(longOptions, name);
    }

    /// <summary>The position of the first option named exactly <paramref name="name"/>, or -1, by a scan.</summary>
    internal static int ScanForName(IReadOnlyList<LongOption> longOptions, ReadOnlySpan<char> name)
    {
        for (int i = 0; i < longOptions.Count; i++)
        {
            if (name.SequenceEqual(longOptions[i].Name))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Where each name first appears in a table, built once per table: conntrack's own and those
    /// merged with a protocol's are kept for the whole run. A class of its own so that its table of
    /// indexes is made only when the first index is.
    /// </summary>
    internal static class NameIndex
    {
        private static readonly ConditionalWeakTable<IReadOnlyList<LongOption>, Dictionary<string, int>> Indexes = new();

        /// <summary>The position of the first option named exactly <paramref name="name"/>, or -1, from the table's index.</summary>
        public static int Find(IReadOnlyList<LongOption> longOptions, ReadOnlySpan<char> name) =>
            Indexes.GetValue(longOptions, Build).GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out int position) ? position : -1;

        private static Dictionary<string, int> Build(IReadOnlyList<LongOption> longOptions)
        {
            var index = new Dictionary<string, int>(longOptions.Count);
            for (int i = 0; i < longOptions.Count; i++)
                index.TryAdd(longOptions[i].Name, i);
            return index;
        }
    }

    // glibc's process_long_option(): an exact name wins, else a unique prefix; prefixes of several
    // entries are ambiguous unless all those entries are the same option (same has_arg and val).
    private GetoptResult LongOptionAt(IReadOnlyList<LongOption> longOptions)
    {
        string word = _cluster!;
        int nameEnd = word.IndexOf('=', 2);
        var name = nameEnd < 0 ? word.AsSpan(2) : word.AsSpan(2, nameEnd - 2);
        _cluster = null;
        _optind++;

        LongOption? found = null;
        int exact = FindExact(longOptions, name);
        if (exact >= 0)
            found = longOptions[exact];
        if (found is null)
        {
            bool ambiguous = false;
            foreach (var option in longOptions)
            {
                if (!option.Name.AsSpan().StartsWith(name))
                    continue;
                if (found is null)
                    found = option;
                else if (found.Value.Argument != option.Argument || found.Value.Code != option.Code)
                    ambiguous = true;
            }
            if (ambiguous || found is null)
                return GetoptResult.Unknown;
        }

        var match = found.Value;
        if (nameEnd >= 0)
        {
            if (match.Argument == ArgumentRequirement.None)
                return GetoptResult.Unknown;
            return new GetoptResult(GetoptStatus.Option, match.Code, word[(nameEnd + 1)..]);
        }
        if (match.Argument == ArgumentRequirement.Required)
        {
            if (_optind == _argv.Length)
                return _shortOptions.StartsWith(':') ? GetoptResult.MissingArgument : GetoptResult.Unknown;
            return new GetoptResult(GetoptStatus.Option, match.Code, _argv[_optind++]);
        }
        return new GetoptResult(GetoptStatus.Option, match.Code, null);
    }
}
