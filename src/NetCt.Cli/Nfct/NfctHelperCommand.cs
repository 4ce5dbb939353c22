using System.Runtime.InteropServices;
using NetCt.Cli.Commands;
using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Cli.Nfct;

/// <summary>
/// nfct 1.4.8's helper subsystem (src/nfct-extensions/helper.c): its parameter checks and messages,
/// then one cthelper request. Untested against a kernel that has CONFIG_NF_CT_NETLINK_HELPER.
/// </summary>
internal static class NfctHelperCommand
{
    public static int Run(NfctLine line, string command, CommandContext context)
    {
        if (command is "default-set" or "default-get")
        {
            Messages.Write(context.Errors, "Unknown command: " + line[2]);
            return Usage(line, context);
        }

        try
        {
            using var connection = NetlinkConnection.Open();
            var requests = new NfctHelperRequests(connection);
            return command switch
            {
                "list" => line.Count > 3 ? Failure(context, "too many arguments") : List(requests, context),
                "add" => Register(line, context, "add", requests.Add),
                "disable" => Register(line, context, "disable", requests.Disable),
                "delete" => Lookup(line, context, (name, family, protocol) => requests.Delete(name, family, protocol)),
                "get" => Lookup(line, context, (name, family, protocol) => requests.Get(name, family, protocol, helper => Print(helper, context))),
                _ => line.Count > 3 ? Failure(context, "too many arguments") : Flush(requests),
            };
        }
        catch (NetlinkException e)
        {
            return Failure(context, "netlink error: " + Marshal.GetPInvokeErrorMessage(e.Errno));
        }
    }

    private static int List(NfctHelperRequests requests, CommandContext context)
    {
        requests.List(helper => Print(helper, context));
        return ExitCodes.Success;
    }

    private static int Flush(NfctHelperRequests requests)
    {
        requests.Delete(null, null, null);
        return ExitCodes.Success;
    }

    private static void Print(NfctHelperReply? helper, CommandContext context)
    {
        if (helper is null)
        {
            Messages.Write(context.Errors, "nfct_helper_nlmsg_parse_payload");
            return;
        }

        helper.Write(context.Output);
    }

    // add and disable: NAME FAMILY PROTOCOL of a helper nfct knows.
    private static int Register(NfctLine line, CommandContext context, string command, Action<NfctHelper, ushort> send)
    {
        if (line.Count < 6)
        {
            return Failure(context, $"missing parameters\nsyntax: nfct {command} helper name family protocol");
        }

        if (Family(line[4], context) is not { } family || Protocol(line[5], context) is not { } protocol)
        {
            return ExitCodes.OtherProblem;
        }

        if (NfctHelpers.Find(line[3], protocol) is not { } helper)
        {
            return Failure(context, "that helper is not supported");
        }

        send(helper, family);
        return ExitCodes.Success;
    }

    // get and delete: NAME [FAMILY [PROTOCOL]].
    private static int Lookup(NfctLine line, CommandContext context, Action<string, ushort?, byte?> send)
    {
        if (line.Count < 4)
        {
            return Failure(context, "missing helper policy name");
        }

        if (line.Count > 6)
        {
            return Failure(context, "too many arguments");
        }

        ushort? family = null;
        byte? protocol = null;
        if (line.Count >= 5 && (family = Family(line[4], context)) is null)
        {
            return ExitCodes.OtherProblem;
        }

        if (line.Count == 6 && (protocol = Protocol(line[5], context)) is null)
        {
            return ExitCodes.OtherProblem;
        }

        send(line[3], family, protocol);
        return ExitCodes.Success;
    }

    private static ushort? Family(string word, CommandContext context) => word switch
    {
        "inet" => AddressFamilies.AF_INET,
        "inet6" => AddressFamilies.AF_INET6,
        _ => Refuse<ushort>(context, "unknown layer 3 protocol"),
    };

    private static byte? Protocol(string word, CommandContext context) => word switch
    {
        "tcp" => IpProtocols.IPPROTO_TCP,
        "udp" => IpProtocols.IPPROTO_UDP,
        _ => Refuse<byte>(context, "unsupported layer 4 protocol"),
    };

    private static T? Refuse<T>(CommandContext context, string message)
        where T : struct
    {
        Messages.Write(context.Errors, message);
        return null;
    }

    private static int Usage(NfctLine line, CommandContext context) =>
        Failure(context, $"Missing command\n{line.ProgramPath} helper list|add|delete|disable|get|flush [parameters...]");

    private static int Failure(CommandContext context, string message)
    {
        Messages.Write(context.Errors, message);
        return ExitCodes.OtherProblem;
    }
}
