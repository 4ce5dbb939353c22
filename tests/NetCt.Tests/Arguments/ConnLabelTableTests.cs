using NetCt.Cli.Labels;

namespace NetCt.Tests.Arguments;

public class ConnLabelTableTests
{
    private static readonly ConnLabelTable Table = ConnLabelTable.Parse(ReferenceSetup.LabelConfig)!;

    [Theory]
    [InlineData("zero", 0)]
    [InlineData("six", 6)]
    [InlineData("seven", 7)]
    [InlineData("nine", 9)]
    [InlineData("ten", 10)]
    [InlineData("dup", 12)]
    [InlineData("hundred", 100)]
    [InlineData("max", 1023)]
    [InlineData("x fourteen", 14)]
    public void ReadsBitsInCNotationAndTrimmedNames(string name, int bit)
    {
        Assert.True(Table.TryGetBit(name, out int found));
        Assert.Equal(bit, found);
        Assert.Equal(name, Table.NameOf(bit));
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("bad")]
    [InlineData("nine-oct")]
    [InlineData("twelve2")]
    [InlineData("over")]
    [InlineData("fourteen")]
    [InlineData("nine ")]
    [InlineData("Zero")]
    public void SkipsWhatLibnetfilterConntrackSkips(string name) => Assert.False(Table.TryGetBit(name, out _));

    [Fact]
    public void UnnamedBitsHaveNoName()
    {
        Assert.Null(Table.NameOf(3));
        Assert.Null(Table.NameOf(1024));
        Assert.Equal(1024, Table.BitCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# 1 one\n")]
    [InlineData("1\n2 \n")]
    [InlineData("x one\n")]
    public void AFileWithoutValidLabelsGivesNoTable(string content) => Assert.Null(ConnLabelTable.Parse(content));

    [Fact]
    public void LinesAreReadIn1023CharacterPieces()
    {
        // The rest of a long line is read as a line of its own, which can name a label.
        string content = "1 one" + new string(' ', 1018) + "2 two\n";
        var table = ConnLabelTable.Parse(content)!;
        Assert.True(table.TryGetBit("one", out _));
        Assert.True(table.TryGetBit("two", out int two));
        Assert.Equal(2, two);
    }

    [Fact]
    public void MissingFileReportsErrnoText()
    {
        Assert.Null(ConnLabelTable.TryLoad("/nonexistent/netct/connlabel.conf", out string failure));
        Assert.Equal("No such file or directory", failure);
    }

    [Fact]
    public void DirectoryReadsAsEmpty()
    {
        Assert.Null(ConnLabelTable.TryLoad(Path.GetTempPath(), out string failure));
        Assert.Equal("Success", failure);
    }
}
