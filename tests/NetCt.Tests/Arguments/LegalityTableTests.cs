using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class LegalityTableTests
{
    private static readonly LegalityTable Table = new(
        ["a", "b", "c", "d"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "2022",
            [CommandKind.Create] = "3331",
        },
        (0b0011, "pair one"),
        (0b0100, "pair two"));

    [Theory]
    [InlineData(0b0000u, nameof(CommandKind.List), null)]
    [InlineData(0b1101u, nameof(CommandKind.List), null)]
    [InlineData(0b0010u, nameof(CommandKind.List), "Illegal option `--b' with this command")]
    [InlineData(0b0000u, nameof(CommandKind.Create), "You need to supply the `--d' option for this command")]
    [InlineData(0b0001u, nameof(CommandKind.Flush), "Illegal option `--a' with this command")]
    public void FirstOffendingColumnDecides(uint given, string command, string? message)
        => Assert.Equal(message, Table.Check(given, Enum.Parse<CommandKind>(command)));

    [Theory]
    [InlineData(0b1011u, null)]
    [InlineData(0b1100u, null)]
    [InlineData(0b1000u, "pair one")]
    [InlineData(0b1001u, "pair one")]
    [InlineData(0b1110u, null)]
    public void OneCompletePairIsNeededWhenARowHasPairedColumns(uint given, string? message)
        => Assert.Equal(message, Table.Check(given, CommandKind.Create));

    [Fact]
    public void RowsMustCoverEveryColumn()
        => Assert.Throws<ArgumentException>(() => new LegalityTable(["a"], new Dictionary<CommandKind, string> { [CommandKind.List] = "22" }));
}
