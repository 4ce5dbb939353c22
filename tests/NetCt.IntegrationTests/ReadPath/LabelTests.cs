using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Connection labels: entries created with <c>--label-add</c> (names from /etc/xtables/connlabel.conf),
/// listed with <c>-o labels</c> and in the other formats, filtered with <c>-l</c>, fetched with
/// <c>-G</c>; and what both programs say when the label file is missing.
/// </summary>
public sealed class LabelTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string LabelConfig = "0 zero\n1 one\n2 two\n5 five\n63 sixtythree\n127 last\n";

    // The kernel attaches labels to new entries only while something in the namespace uses them.
    private const string LabelUser =
        "nft list table inet netct_labels >/dev/null 2>&1 || nft -f - <<'EOF'\n" +
        "table inet netct_labels {\n" +
        "  chain output { type filter hook output priority 0; ct label 1 counter; }\n" +
        "}\n" +
        "EOF";

    // Created one -I at a time: conntrack 1.4.8 -R dies of SIGSEGV on --label-add.
    private static readonly string[] Entries =
    [
        "-s 192.0.2.50 -d 192.0.2.51 -p udp --sport 1 --dport 2 -t 3000 --label-add one,five",
        "-s 192.0.2.52 -d 192.0.2.51 -p udp --sport 1 --dport 2 -t 3000 --label-add two,sixtythree,last",
        "-s 2001:db8::50 -d 2001:db8::51 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 3000 --label-add zero -m 3",
        "-s 192.0.2.53 -d 192.0.2.51 -p udp --sport 1 --dport 2 -t 3000",
    ];

    [Fact]
    public async Task ListAndFilterLabels()
    {
        await LoadLabelledEntriesAsync();
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-L", "-L -o labels", "-L -o labels,extended", "-L -o labels,xml", "-L -o xml", "-L -o save", "-L -o id,labels",
            "-L -l one", "-L -l five", "-L -l one,five", "-L -l two -o labels", "-L -l last", "-L -l zero", "-L --label one",
            "-L -l one -p udp -s 192.0.2.50", "-L -o labels -l sixtythree", "-L -l zero -f ipv6 -m 3", "-L -l nosuch",
            "-L -l 5"));
        Assert.Contains("labels=two,sixtythree,last", comparisons[1].Netct.Stdout);
    }

    [Fact]
    public async Task GetShowsLabels()
    {
        await LoadLabelledEntriesAsync();
        const string Tuple = "-G -s 192.0.2.52 -d 192.0.2.51 -p udp --sport 1 --dport 2";
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            $"{Tuple} -o labels", $"{Tuple} -l two", $"{Tuple} -l one", $"{Tuple} -o xml,labels", Tuple));
        Assert.Equal([0, 0, 1, 0, 0], comparisons.Select(comparison => comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task MissingLabelFile()
    {
        await LoadLabelledEntriesAsync();
        await fixture.ShellCheckedAsync("mv /etc/xtables/connlabel.conf /etc/xtables/connlabel.conf.away");
        try
        {
            await fixture.AssertAllSameAsync(Commands("-L -l one", "-L -o labels", "-L", "-L -o xml"));
        }
        finally
        {
            await fixture.ShellCheckedAsync("mv /etc/xtables/connlabel.conf.away /etc/xtables/connlabel.conf");
        }
    }

    private async Task LoadLabelledEntriesAsync()
    {
        await fixture.ResetAsync();
        await fixture.ShellCheckedAsync("mkdir -p /etc/xtables");
        await fixture.WriteFileAsync("/etc/xtables/connlabel.conf", LabelConfig);
        await fixture.ShellCheckedAsync(LabelUser);
        foreach (var entry in Entries)
        {
            await fixture.CreateAsync(entry.Split(' '));
        }
    }

    private static IEnumerable<string[]> Commands(params string[] lines) => lines.Select(line => line.Split(' '));
}
