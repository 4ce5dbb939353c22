using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>Connection labels in the container: the name map both programs read, and a user of labels.</summary>
public static class Labels
{
    /// <summary>/etc/xtables/connlabel.conf.</summary>
    public const string Config = "0 zero\n1 one\n2 two\n5 five\n127 last\n";

    // The kernel gives new entries room for labels only while something in the namespace uses them;
    // nft reads the names from /etc/connlabel.conf.
    private const string LabelUser =
        "mkdir -p /etc/xtables && cp /etc/xtables/connlabel.conf /etc/connlabel.conf && " +
        "{ nft list table inet netct_write_labels >/dev/null 2>&1 || nft -f - <<'EOF'\n" +
        "table inet netct_write_labels {\n" +
        "  chain output { type filter hook output priority 0; ct label one counter; }\n" +
        "}\n" +
        "EOF\n}";

    /// <summary>Writes the name map and makes new entries get room for labels.</summary>
    public static async Task InstallAsync(ContainerFixture fixture)
    {
        await fixture.WriteFileAsync("/etc/xtables/connlabel.conf", Config);
        await fixture.ShellCheckedAsync(LabelUser);
    }
}
