using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Every <c>-o</c> format and the combinations conntrack accepts, on the whole of
/// <see cref="SampleTable"/> (all protocols, zones, marks, NAT, both families) and on an empty table.
/// </summary>
public sealed class OutputFormatTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private static readonly string[] Formats =
    [
        "extended", "id", "ktimestamp", "labels", "xml", "save", "timestamp", "userspace",
        "extended,id", "id,extended", "xml,id", "xml,extended", "xml,ktimestamp", "xml,labels",
        "extended,ktimestamp,id", "id,ktimestamp", "labels,extended", "ktimestamp,labels,extended,id",
        "xml,extended,id,ktimestamp,labels",
    ];

    [Fact]
    public async Task ListTheWholeTableInEveryFormat()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync([["-L"], .. Formats.Select(format => new[] { "-L", "-o", format })]);
        Assert.All(comparisons, comparison => Assert.EndsWith($" {SampleTable.Lines.Count} flow entries have been shown.\n", comparison.Netct.Stderr));
    }

    [Fact]
    public async Task TableNamesAndLongOptionsSelectTheSameListing()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        await fixture.AssertAllSameAsync([
            ["-L", "conntrack"],
            ["-L", "conn", "-o", "extended"],
            ["--dump", "-o", "xml"],
            ["--dump=conntrack", "--output", "save"],
            ["-L", "--output=id"],
        ]);
    }

    [Fact]
    public async Task SaveCombinedWithAnotherFormatIsRefused()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var comparisons = await fixture.AssertAllSameAsync([
            ["-L", "-o", "save,extended"],
            ["-L", "-o", "xml,save"],
            ["-L", "-o", "id,save"],
            ["-L", "-o", "bogus"],
        ]);
        Assert.All(comparisons, comparison => Assert.NotEqual(0, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task EmptyTablePrintsNothingInAnyFormat()
    {
        await fixture.ResetAsync();
        var comparisons = await fixture.AssertAllSameAsync([["-L"], .. Formats.Select(format => new[] { "-L", "-o", format })]);
        Assert.All(comparisons, comparison => Assert.Equal(string.Empty, comparison.Netct.Stdout));
    }
}
