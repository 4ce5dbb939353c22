using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Cli.Nfct;

/// <summary>A timeout policy as nfct prints it (libnetfilter_cttimeout's NFCT_TIMEOUT_O_DEFAULT, then a newline).</summary>
internal static class NfctPolicyText
{
    public static void Write(OutputBuffer output, TimeoutPolicy policy)
    {
        if (policy.Name is { } name)
        {
            output.Write((byte)'.');
            output.WriteUtf8(name);
            output.WriteUtf8(" = {\n");
        }

        output.WriteUtf8("\t.l3proto = ");
        output.WriteDecimal(policy.Family);
        output.WriteUtf8(",\n\t.l4proto = ");
        output.WriteDecimal(policy.Protocol);
        output.WriteUtf8(",\n");
        IReadOnlyList<string> states = NfctStates.For(policy.Protocol);
        if (HasKnownState(policy, states.Count))
        {
            output.WriteUtf8("\t.policy = {\n");
            for (int i = 0; i < states.Count; i++)
            {
                output.WriteUtf8("\t\t.");
                output.WriteUtf8(states[i]);
                output.WriteUtf8(" = ");
                // A state the kernel did not report prints as 0, as from libnetfilter_cttimeout's zeroed array.
                output.WriteDecimal(policy.Timeouts.GetValueOrDefault((ushort)(i + 1)));
                output.WriteUtf8(",\n");
            }

            output.WriteUtf8("\t},\n");
        }

        output.WriteUtf8("};");
        output.EndLine();
    }

    // The policy block appears once the library has read at least one state it knows.
    private static bool HasKnownState(TimeoutPolicy policy, int known) =>
        policy.Timeouts.Keys.Any(state => state >= 1 && state <= known);
}
