using NetCt.IntegrationTests.Harness;
using static NetCt.IntegrationTests.WritePath.WriteComparison;

namespace NetCt.IntegrationTests.WritePath;

/// <summary>-F empties the table ("connection tracking table has been emptied.", exit 0).</summary>
public sealed class FlushTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Theory]
    [InlineData("-F")]
    [InlineData("-F conntrack")]
    [InlineData("--flush")]
    [InlineData("-F -s 192.0.2.1")]
    public async Task EmptiesTheTable(string commandLine)
    {
        await WriteTable.InstallAsync(fixture);
        await AssertSameAsync(fixture, WriteTable.Load, Words(commandLine));
    }

    [Fact]
    public async Task EmptiesAnEmptyTable()
    {
        await AssertSameAsync(fixture, WriteTable.Empty, ["-F"]);
    }
}
