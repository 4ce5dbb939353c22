using NetCt.Cli.Arguments;
using NetCt.Cli.LoadFile;

namespace NetCt.Tests.LoadFile;

public class LoadFileLineTests
{
    [Theory]
    [InlineData("-D -s 192.0.2.1\n", new[] { "-D", "-s", "192.0.2.1" })]
    [InlineData("  \t-F\n", new[] { "-F" })]
    [InlineData("-D\t -s  192.0.2.1", new[] { "-D", "-s", "192.0.2.1" })]
    [InlineData("-D -s \"192.0.2.1\"\n", new[] { "-D", "-s", "192.0.2.1" })]
    [InlineData("-D -s 192.0.\"2.1\"x\n", new[] { "-D", "-s", "192.0.2.1", "x" })]
    [InlineData("-D -s \"192.0.2\\.1\"\n", new[] { "-D", "-s", "192.0.2.1" })]
    [InlineData("-D -s 192.0.2.1\\\n", new[] { "-D", "-s", "192.0.2.1\\" })]
    [InlineData("-D -s \"\"\n", new[] { "-D", "-s", "" })]
    [InlineData("-D \"x y\"\n", new[] { "-D", "x y" })]
    [InlineData("-D -s \"192.0.2.1\n", new[] { "-D", "-s", "192.0.2.1\n" })]
    [InlineData("-D -s 192.0.2.1\r\n", new[] { "-D", "-s", "192.0.2.1\r" })]
    [InlineData("   ", new string[0])]
    public void SplitsWordsAsIptablesDoes(string line, string[] words) => Assert.Equal(words, LoadFileLine.Split(line));

    [Theory]
    [InlineData("\n")]
    [InlineData(" \t \n")]
    [InlineData("# -F\n")]
    [InlineData("   # -F\n")]
    public void SkipsBlankAndCommentLines(string line) => Assert.Null(LoadFileLine.Split(line));

    [Fact]
    public void AWordMayNotReach1024Characters()
    {
        Assert.Single(LoadFileLine.Split(new string('x', 1023))!);
        var error = Assert.Throws<ParameterException>(() => LoadFileLine.Split(new string('x', 1024)));
        Assert.Equal("Parameter too long!", error.Error.Message);
    }

    [Fact]
    public void ALineHoldsAtMost253Words()
    {
        Assert.Equal(253, LoadFileLine.Split(string.Join(' ', Enumerable.Repeat("a", 253)))!.Count);
        var error = Assert.Throws<ParameterException>(() => LoadFileLine.Split(string.Join(' ', Enumerable.Repeat("a", 254))));
        Assert.Equal("too many arguments", error.Error.Message);
    }

    [Fact]
    public void LinesAreReadIn10239CharacterPieces()
    {
        string content = "-F" + new string(' ', 10300) + "-s 1\nlast";
        var pieces = LoadFileLine.Pieces(content.AsMemory()).Select(piece => content.Substring(piece.Start, piece.Length)).ToList();
        Assert.Equal([10239, 10300 + 2 + 5 - 10239, 4], pieces.Select(piece => piece.Length));
        Assert.EndsWith("-s 1\n", pieces[1]);
    }
}
