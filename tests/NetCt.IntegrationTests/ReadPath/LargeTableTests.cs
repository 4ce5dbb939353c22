using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// A table whose dump spans many netlink datagrams (3000 entries, a few hundred KiB): every entry
/// arrives once, in the kernel's order, whether the kernel or userspace filters.
/// </summary>
public sealed class LargeTableTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const int EntryCount = 3000;

    [Fact]
    public async Task ListAndFilterALargeTable()
    {
        await fixture.ResetAsync();
        await fixture.LoadAsync(Enumerable.Range(0, EntryCount).Select(i =>
            $"-I -s 198.51.100.{(i % 250) + 1} -d 203.0.113.{(i / 250) + 1} -p udp --sport {1000 + i} --dport {2000 + (i % 7)} -t 3000 -m {i % 5}"));

        var comparisons = await fixture.AssertAllSameAsync([
            ["-L"], ["-L", "-o", "xml"], ["-L", "-o", "save"], ["-L", "-o", "extended,id"], ["-C"],
            ["-L", "-p", "udp", "--dport", "2003"], ["-L", "-m", "3"], ["-L", "-s", "198.51.100.0/25"],
            ["-L", "-d", "203.0.113.7", "-p", "udp"], ["-L", "-u", "UNREPLIED", "-m", "4/6"],
        ]);
        Assert.EndsWith($" {EntryCount} flow entries have been shown.\n", comparisons[0].Netct.Stderr);
    }
}
