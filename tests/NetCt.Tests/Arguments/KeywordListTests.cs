using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class KeywordListTests
{
    private static readonly string[] Words = ["ASSURED", "SEEN_REPLY", "UNSET"];

    private static (List<int> Matches, List<string> Warnings) Parse(string argument)
    {
        var matches = new List<int>();
        var warnings = new List<string>();
        KeywordList.Parse(argument, Words, matches.Add, warnings);
        return (matches, warnings);
    }

    [Theory]
    [InlineData("ASSURED", new[] { 0 })]
    [InlineData("assured,seen_reply", new[] { 0, 1 })]
    [InlineData("A,SE,U", new[] { 0, 1, 2 })]
    public void MatchesCaseInsensitivePrefixesInKeywordOrder(string argument, int[] expected)
        => Assert.Equal(expected, Parse(argument).Matches);

    [Theory]
    [InlineData("S", "WARNING: ignoring SRC_NAT, use --src-nat instead")]
    [InlineData("src_nat", "WARNING: ignoring SRC_NAT, use --src-nat instead")]
    [InlineData("D", "WARNING: ignoring DST_NAT, use --dst-nat instead")]
    public void AbbreviationsOfTheNatWordsAreIgnoredWithAWarning(string argument, string warning)
    {
        var (matches, warnings) = Parse(argument);
        Assert.Empty(matches);
        Assert.Equal([warning], warnings);
    }

    [Theory]
    [InlineData("", "Bad parameter `'")]
    [InlineData("ASSURED,", "Bad parameter `'")]
    [InlineData(",ASSURED", "Bad parameter `,ASSURED'")]
    [InlineData("FOO,ASSURED", "Bad parameter `FOO,ASSURED'")]
    [InlineData("ASSUREDX", "Bad parameter `ASSUREDX'")]
    [InlineData("!ASSURED", "Bad parameter `!ASSURED'")]
    public void ABadWordIsQuotedWithEverythingAfterIt(string argument, string message)
        => Assert.Equal(message, Assert.Throws<ParameterException>(() => Parse(argument)).Error.Message);

    [Fact]
    public void NegationAndUnrepliedAreRecognisedByTheMaskVariant()
    {
        var seen = new List<(int, bool)>();
        int unreplied = 0;
        KeywordList.ParseWithNegation("ASSURED,!SEEN_REPLY,UNREPLIEDxyz", Words, (i, negated) => seen.Add((i, negated)), () => unreplied++, []);
        Assert.Equal([(0, false), (1, true)], seen);
        Assert.Equal(1, unreplied);
    }

    [Theory]
    [InlineData("!", "Bad parameter `'")]
    [InlineData("!,ASSURED", "Bad parameter `,ASSURED'")]
    [InlineData("!UNREPLIED", "Bad parameter `UNREPLIED'")]
    [InlineData("unreplied", "Bad parameter `unreplied'")]
    public void MaskVariantReportsTheWordAfterTheBang(string argument, string message)
        => Assert.Equal(message, Assert.Throws<ParameterException>(
            () => KeywordList.ParseWithNegation(argument, Words, (_, _) => { }, () => { }, [])).Error.Message);
}
