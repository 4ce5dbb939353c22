using System.CommandLine;
using NetCt.Cli.Commands;

namespace NetCt.Cli.Tree;

/// <summary><c>netct help [COMMAND…]</c>: the tree's help, or one command's (the same as <c>netct COMMAND --help</c>).</summary>
internal static class HelpCommand
{
    public const string Name = "help";

    public static Command Create(RootCommand root, CommandContext context)
    {
        var words = new Argument<string[]>("command")
        {
            Description = "The command to describe, such as timeout or timeout add",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "command",
        };
        words.CompletionSources.Add(_ => root.Subcommands.Select(command => command.Name));
        var help = new Command(Name, "Show help for netct's own commands") { words };
        help.SetAction(parsed => Show(root, parsed.GetValue(words) ?? [], parsed.InvocationConfiguration, context));
        return help;
    }

    private static int Show(RootCommand root, string[] path, InvocationConfiguration invocation, CommandContext context)
    {
        Command command = root;
        foreach (string word in path)
        {
            var next = command.Subcommands.FirstOrDefault(sub => sub.Name == word || sub.Aliases.Contains(word));
            if (next is null)
            {
                Messages.Write(context.Errors, $"no such command: {string.Join(' ', path)} (see `netct help')");
                return ExitCodes.ParameterProblem;
            }

            command = next;
        }

        // System.CommandLine writes help only through its --help action: ask for it on the same path.
        return root.Parse([.. path, "--help"]).Invoke(invocation);
    }
}
