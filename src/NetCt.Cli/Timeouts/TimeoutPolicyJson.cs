using System.Text.Json;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Cli.Timeouts;

/// <summary>
/// <c>netct timeout … -o json</c>: one JSON object per policy per line (schema in man/netct.8, TIMEOUT
/// POLICIES). Unlike nfct's text it names the family and protocol, carries the kernel's use count and
/// every state the kernel reports, including SCTP's heartbeat states nfct leaves out.
/// </summary>
internal static class TimeoutPolicyJson
{
    public static void Write(OutputBuffer output, TimeoutPolicy policy)
    {
        using (var writer = new Utf8JsonWriter(output, JsonFlowWriter.WriterOptions))
        {
            writer.WriteStartObject();
            if (policy.Name is { } name)
            {
                writer.WriteString("name", name);
            }

            if (FamilyName(policy.Family) is { } family)
            {
                writer.WriteString("family", family);
            }

            writer.WriteNumber("l3proto", policy.Family);
            if (TimeoutProtocolNames.NameOf(policy.Protocol) is { } protocol)
            {
                writer.WriteString("protocol", protocol);
            }

            writer.WriteNumber("l4proto", policy.Protocol);
            if (policy.Use is { } use)
            {
                writer.WriteNumber("use", use);
            }

            writer.WriteStartObject("timeouts");
            IReadOnlyList<string> states = TimeoutProtocols.States(policy.Protocol);
            foreach (ushort state in policy.Timeouts.Keys.Order())
            {
                string key = state >= 1 && state <= states.Count ? states[state - 1].ToLowerInvariant() : state.ToString(System.Globalization.CultureInfo.InvariantCulture);
                writer.WriteNumber(key, policy.Timeouts[state]);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.EndLine();
    }

    private static string? FamilyName(ushort family) => family switch
    {
        AddressFamilies.AF_INET => "inet",
        AddressFamilies.AF_INET6 => "inet6",
        _ => null,
    };
}
