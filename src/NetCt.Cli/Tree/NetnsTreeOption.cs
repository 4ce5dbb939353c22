using System.CommandLine;
using NetCt.Cli.Commands;

namespace NetCt.Cli.Tree;

/// <summary>
/// <c>--netns NAME|PATH</c> for the tree's commands: the same switch as conntrack's grammar has
/// (<see cref="NetworkNamespaceSwitch"/>), entered before the command opens any netlink socket.
/// </summary>
internal static class NetnsTreeOption
{
    public static Option<string> Create() => new("--netns")
    {
        Description = "Work in this network namespace: a name under /run/netns or a path such as /proc/PID/ns/net",
        HelpName = "NAME|PATH",
    };

    /// <summary>
    /// Enters the namespace the option names, if any; returns null, or the exit code after saying
    /// why it could not in one line (conntrack's grammar adds its "Try" line; the tree's commands
    /// promise one).
    /// </summary>
    public static int? Enter(ParseResult parsed, Option<string> option, CommandContext context)
    {
        if (parsed.GetValue(option) is not { } nameOrPath || NetworkNamespaceSwitch.TryEnter(nameOrPath) is not { } refusal)
            return null;
        Messages.Write(context.Errors, refusal.Message);
        return refusal.ExitCode;
    }
}
