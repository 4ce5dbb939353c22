using System.Text;

namespace NetCt.Tests.Interop;

/// <summary>
/// Writes a C program that prints each constant by its C name, compiles it with <c>cc</c> against
/// the installed linux headers (linux-libc-dev) and runs it. A misspelt C# name fails to compile; a
/// wrong value shows up in the comparison.
/// </summary>
internal static class HeaderProbe
{
    private const string Includes = """
        #include <errno.h>
        #include <stdio.h>
        #include <sys/socket.h>
        #include <sys/stat.h>
        #include <netinet/in.h>
        #include <linux/netlink.h>
        #include <linux/netfilter/nfnetlink.h>
        #include <linux/netfilter/nfnetlink_conntrack.h>
        #include <linux/netfilter/nfnetlink_cttimeout.h>
        #include <linux/netfilter/nfnetlink_cthelper.h>
        #include <linux/netfilter/nf_conntrack_common.h>
        #include <linux/netfilter/nf_conntrack_tcp.h>
        #include <linux/netfilter/nf_conntrack_sctp.h>
        #include <linux/netfilter/nf_conntrack_tuple_common.h>

        /* Not UAPI: net/netfilter/nf_internals.h (CTA_FILTER_F_*), named as libnetfilter_conntrack does. */
        #ifndef CTA_FILTER_FLAG_CTA_IP_SRC
        #define CTA_FILTER_FLAG_CTA_IP_SRC            (1 << 0)
        #define CTA_FILTER_FLAG_CTA_IP_DST            (1 << 1)
        #define CTA_FILTER_FLAG_CTA_TUPLE_ZONE        (1 << 2)
        #define CTA_FILTER_FLAG_CTA_PROTO_NUM         (1 << 3)
        #define CTA_FILTER_FLAG_CTA_PROTO_SRC_PORT    (1 << 4)
        #define CTA_FILTER_FLAG_CTA_PROTO_DST_PORT    (1 << 5)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMP_TYPE   (1 << 6)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMP_CODE   (1 << 7)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMP_ID     (1 << 8)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_TYPE (1 << 9)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_CODE (1 << 10)
        #define CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID   (1 << 11)
        #endif

        """;

    /// <summary>Compiles and runs the probe; returns C name → value, plus "sizeof:NAME" entries for <paramref name="structs"/>.</summary>
    public static Dictionary<string, long> Run(IEnumerable<string> names, IEnumerable<string> structs)
    {
        var probe = ExternalTool.RunC(
            Generate(names, structs),
            "A misspelt C name shows up as 'undeclared'; a missing header means linux-libc-dev is not installed (apt-get install -y gcc linux-libc-dev).");
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException($"the probe exited with {probe.ExitCode}:\n{probe.Output}{probe.Errors}");
        }

        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in probe.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            values[parts[0]] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static string Generate(IEnumerable<string> names, IEnumerable<string> structs)
    {
        var c = new StringBuilder(Includes);
        c.AppendLine("int main(void)").AppendLine("{");
        foreach (string name in names)
        {
            c.AppendLine($"    printf(\"%s %lld\\n\", \"{name}\", (long long)({name}));");
        }

        foreach (string name in structs)
        {
            c.AppendLine($"    printf(\"%s %lld\\n\", \"sizeof:{name}\", (long long)sizeof(struct {name}));");
        }

        c.AppendLine("    return 0;").AppendLine("}");
        return c.ToString();
    }
}
