using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Reliability;

/// <summary>A table big enough that -L and -D write far more than a pipe holds (about 400 KB).</summary>
internal static class ReliabilityTable
{
    public const int Entries = 3000;

    /// <summary>Empties the table and loads <see cref="Entries"/> UDP entries with the reference conntrack.</summary>
    public const string Load =
        "conntrack -F 2>/dev/null; i=1; while [ $i -le 3000 ]; do " +
        "echo \"-I -p udp -s 192.0.2.$((i % 250 + 1)) -d 198.51.100.$((i / 250 + 1)) --sport $i --dport 53 -t 600\"; i=$((i + 1)); " +
        "done >/tmp/netct-reliability-table.txt; conntrack -R /tmp/netct-reliability-table.txt";

    public static Task LoadAsync(ContainerFixture fixture) => fixture.ShellCheckedAsync(Load);
}
