using System.Runtime.InteropServices;
using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Cli.Timeouts;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Nfct;

/// <summary>
/// nfct 1.4.8's timeout subsystem (src/nfct-extensions/timeout.c): the parameter checks in its order,
/// with its messages, then one request; exit 1 for any failure. Used by <c>nfct …</c> and <c>netct timeout …</c>.
/// </summary>
internal static class NfctTimeoutCommand
{
    public static int Run(NfctLine line, string command, NfctOutputFormat format, CommandContext context)
    {
        using var client = new TimeoutClient();
        try
        {
            return command switch
            {
                "list" => List(line, client, format, context),
                "add" => Add(line, client, context),
                "delete" => Delete(line, client, context),
                "get" => Get(line, client, format, context),
                "flush" => Flush(line, client, context),
                "default-set" => DefaultSet(line, client, context),
                "default-get" => DefaultGet(line, client, format, context),
                _ => Usage(line, context),
            };
        }
        catch (NetlinkException e)
        {
            return NetlinkError(context, e.Errno);
        }
    }

    /// <summary>The name as libnetfilter_cttimeout keeps it: cut to CTNL_TIMEOUT_NAME_MAX - 1 bytes (whole characters).</summary>
    public static string TruncateName(string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= TimeoutClient.MaxNameBytes)
        {
            return name;
        }

        int length = name.Length;
        while (System.Text.Encoding.UTF8.GetByteCount(name.AsSpan(0, length)) > TimeoutClient.MaxNameBytes)
        {
            length--;
        }

        return name[..length];
    }

    private static int List(NfctLine line, TimeoutClient client, NfctOutputFormat format, CommandContext context)
    {
        if (line.Count > 3)
        {
            return Failure(context, "too many arguments");
        }

        foreach (TimeoutPolicy policy in client.List())
        {
            Print(context.Output, policy, format);
        }

        return ExitCodes.Success;
    }

    private static int Add(NfctLine line, TimeoutClient client, CommandContext context)
    {
        if (line.Count < 6)
        {
            return Failure(context, "missing parameters\nsyntax: nfct add timeout name family protocol state1 timeout1 ...");
        }

        if (NfctTimeoutParameters.Parse(line.From(4), context.Errors, ProtocolDatabase.Load()) is not { } policy)
        {
            return ExitCodes.OtherProblem;
        }

        client.Create(policy with { Name = TruncateName(line[3]) });
        return ExitCodes.Success;
    }

    private static int Delete(NfctLine line, TimeoutClient client, CommandContext context)
    {
        if (CheckName(line, context) is { } failed)
        {
            return failed;
        }

        client.Delete(TruncateName(line[3]));
        return ExitCodes.Success;
    }

    private static int Get(NfctLine line, TimeoutClient client, NfctOutputFormat format, CommandContext context)
    {
        if (CheckName(line, context) is { } failed)
        {
            return failed;
        }

        if (client.Get(TruncateName(line[3])) is not { } policy)
        {
            return NetlinkError(context, (int)Errno.ENOENT);
        }

        Print(context.Output, policy, format);
        return ExitCodes.Success;
    }

    private static int Flush(NfctLine line, TimeoutClient client, CommandContext context)
    {
        if (line.Count > 3)
        {
            return Failure(context, "too many arguments");
        }

        client.Flush();
        return ExitCodes.Success;
    }

    private static int DefaultSet(NfctLine line, TimeoutClient client, CommandContext context)
    {
        if (line.Count < 6)
        {
            return Failure(context, "missing parameters\nsyntax: nfct default-set timeout family protocol state1 timeout1...");
        }

        if (NfctTimeoutParameters.Parse(line.From(3), context.Errors, ProtocolDatabase.Load()) is not { } defaults)
        {
            return ExitCodes.OtherProblem;
        }

        client.SetDefault(defaults);
        return ExitCodes.Success;
    }

    private static int DefaultGet(NfctLine line, TimeoutClient client, NfctOutputFormat format, CommandContext context)
    {
        if (line.Count < 5)
        {
            return Failure(context, "missing parameters\nsyntax: nfct default-get timeout family protocol");
        }

        if (NfctTimeoutParameters.Family(line[3], context.Errors) is not { } family
            || NfctTimeoutParameters.Protocol(line[4], context.Errors, ProtocolDatabase.Load()) is not { } protocol)
        {
            return ExitCodes.OtherProblem;
        }

        Print(context.Output, client.GetDefault(family, protocol), format);
        return ExitCodes.Success;
    }

    // get and delete take exactly one name.
    private static int? CheckName(NfctLine line, CommandContext context) => line.Count switch
    {
        < 4 => Failure(context, "missing timeout policy name"),
        > 4 => Failure(context, "too many arguments"),
        _ => null,
    };

    private static void Print(OutputBuffer output, TimeoutPolicy policy, NfctOutputFormat format)
    {
        if (format == NfctOutputFormat.Json)
        {
            TimeoutPolicyJson.Write(output, policy);
        }
        else
        {
            NfctPolicyText.Write(output, policy);
        }
    }

    private static int Usage(NfctLine line, CommandContext context) =>
        Failure(context, $"Missing command\n{line.ProgramPath} <list|add|delete|get|default-set|default-get|flush> timeout [<parameters>, ...]");

    private static int NetlinkError(CommandContext context, int errno) =>
        Failure(context, "netlink error: " + Marshal.GetPInvokeErrorMessage(errno));

    private static int Failure(CommandContext context, string message)
    {
        Messages.Write(context.Errors, message);
        return ExitCodes.OtherProblem;
    }
}
