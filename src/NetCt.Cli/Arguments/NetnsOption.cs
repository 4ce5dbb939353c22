namespace NetCt.Cli.Arguments;

/// <summary>
/// netct's <c>--netns NAME|PATH</c>, which conntrack does not have. It is taken out of the command line
/// before conntrack's grammar reads it, so that none of conntrack's options, their getopt_long
/// prefixes (<c>--n</c> is still <c>--nat-range</c>) or the rule that <c>-R</c> comes first change:
/// only the exact words <c>--netns VALUE</c> and <c>--netns=VALUE</c> are netct's, anywhere before a
/// <c>--</c>, and not inside a <c>-R</c> file (where <c>--netns</c> stays an unknown option).
/// </summary>
internal static class NetnsOption
{
    public const string Name = "--netns";

    /// <summary>The arguments without <c>--netns</c> and its value, and that value (null when not given).</summary>
    /// <exception cref="ParameterException">No value, an empty one, or the option given twice.</exception>
    public static (IReadOnlyList<string> Arguments, string? Namespace) Extract(IReadOnlyList<string> args)
    {
        if (!Mentions(args))
            return (args, null);

        var rest = new List<string>(args.Count);
        string? value = null;
        for (int i = 0; i < args.Count; i++)
        {
            string word = args[i];
            string? given = null;
            if (word == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (word == Name)
            {
                if (++i == args.Count)
                    throw ParameterException.Problem($"option `{Name}' requires an argument");
                given = args[i];
            }
            else if (word.StartsWith(Name + "=", StringComparison.Ordinal))
            {
                given = word[(Name.Length + 1)..];
            }
            else
            {
                rest.Add(word);
                continue;
            }

            if (value is not null)
                throw ParameterException.Problem($"option `{Name}' given more than once");
            if (given.Length == 0)
                throw ParameterException.Problem($"option `{Name}' requires an argument");
            value = given;
        }
        return (rest, value);
    }

    /// <summary>The file a namespace argument names: a word with a '/' is a path, else an <c>ip netns</c> name.</summary>
    public static string PathOf(string nameOrPath) =>
        nameOrPath.Contains('/') ? nameOrPath : "/run/netns/" + nameOrPath;

    private static bool Mentions(IReadOnlyList<string> args)
    {
        foreach (string word in args)
        {
            if (word.StartsWith(Name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
