using System.CommandLine;
using NetCt.Cli.Commands;
using NetCt.Cli.Nfct;
using NetCt.Cli.Tree;

namespace NetCt.Cli.Timeouts;

/// <summary>
/// <c>netct timeout …</c>: nfct 1.4.8's timeout subsystem on netct's command tree. The words after the
/// subcommand are checked by nfct's own rules (<see cref="NfctTimeoutCommand"/>), so a wrong count,
/// an unknown state or a missing value gets nfct's message and exit status 1.
/// </summary>
internal static class TimeoutCommand
{
    public const string Name = "timeout";

    private static readonly TimeoutForm[] Forms =
    [
        new("list", "List the timeout policies", "", Printed: true),
        new("add", "Add a timeout policy: its states not given take the current defaults", "NAME FAMILY PROTOCOL STATE VALUE...", Printed: false),
        new("delete", "Delete a timeout policy (refused while a rule uses it)", "NAME", Printed: false),
        new("get", "Show one timeout policy", "NAME", Printed: true),
        new("flush", "Delete every timeout policy that no rule uses", "", Printed: false),
        new("default-set", "Set the default timeouts of a protocol in this network namespace", "FAMILY PROTOCOL STATE VALUE...", Printed: false),
        new("default-get", "Show the default timeouts of a protocol", "FAMILY PROTOCOL", Printed: true),
    ];

    public static NetctCommand Create(CommandContext context)
    {
        var timeout = new NetctCommand(Name, "Conntrack timeout policies and default timeouts, as nfct(8) timeout manages them")
        {
            // nfct exits 1 for any wrong command line.
            UsageExitCode = ExitCodes.OtherProblem,
        };
        foreach (TimeoutForm form in Forms)
        {
            timeout.Subcommands.Add(CreateForm(form, context));
        }

        return timeout;
    }

    private static NetctCommand CreateForm(TimeoutForm form, CommandContext context)
    {
        var command = new NetctCommand(form.Name, form.Description) { UsageExitCode = ExitCodes.OtherProblem };
        var parameters = new Argument<string[]>("parameters")
        {
            Description = "FAMILY is inet or inet6; PROTOCOL tcp, udp, udplite, icmp, icmpv6, sctp, dccp, gre or generic; a STATE one of the protocol's (see man netct, TIMEOUT POLICIES)",
            HelpName = form.Parameters,
            Arity = ArgumentArity.ZeroOrMore,
            // A form without parameters still takes words, so that extra ones get nfct's "too many arguments".
            Hidden = form.Parameters.Length == 0,
        };
        parameters.CompletionSources.Add(completion => TimeoutCompletion.Suggest(form.Name, completion));
        command.Arguments.Add(parameters);
        var netns = NetnsTreeOption.Create();
        command.Options.Add(netns);
        Option<string>? output = null;
        if (form.Printed)
        {
            output = new Option<string>("--output", "-o") { Description = "Print JSON, one object per policy and line", HelpName = "json" };
            output.AcceptOnlyFromAmong("json");
            command.Options.Add(output);
        }

        command.SetAction(parsed =>
        {
            if (NetnsTreeOption.Enter(parsed, netns, context) is { } failed)
            {
                return failed;
            }

            string[] words = [form.Name, Name, .. parsed.GetValue(parameters) ?? []];
            NfctOutputFormat format = output is not null && parsed.GetValue(output) is not null ? NfctOutputFormat.Json : NfctOutputFormat.Text;
            return NfctTimeoutCommand.Run(new NfctLine(context.ProgramPath, words), form.Name, format, context);
        });
        return command;
    }

    private sealed record TimeoutForm(string Name, string Description, string Parameters, bool Printed);
}
