using NetCt.Cli.Arguments;

namespace NetCt.Tests.Arguments;

public class GetoptLongTests
{
    private static readonly IReadOnlyList<LongOption> Table = ConntrackOptionTable.LongOptions;

    private static GetoptLong Scan(params string[] args) => new(["conntrack", .. args], ConntrackOptionTable.ShortOptions);

    [Fact]
    public void ClusteredShortOptionsAreReturnedOneByOne()
    {
        var getopt = Scan("-zL", "expect");
        Assert.Equal('z', getopt.Next(Table).Code);
        var list = getopt.Next(Table);
        Assert.Equal('L', list.Code);
        Assert.Null(list.Argument);
        Assert.Equal("expect", getopt.TakeOptionalOperand(list));
        Assert.Equal(GetoptStatus.End, getopt.Next(Table).Status);
    }

    [Fact]
    public void AttachedOptionalArgumentIsIgnoredByTakeOptionalOperand()
    {
        var getopt = Scan("-Lexpect", "dying");
        var list = getopt.Next(Table);
        Assert.Equal("expect", list.Argument);
        Assert.Null(getopt.TakeOptionalOperand(list));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("-s")]
    [InlineData("!x")]
    public void OptionalOperandIsNotTakenFromWordsStartingWithDashOrBang(string next)
    {
        var getopt = Scan("-n", next);
        var nat = getopt.Next(Table);
        Assert.Null(getopt.TakeOptionalOperand(nat));
    }

    [Fact]
    public void RequiredArgumentMayBeAttachedOrTheNextWordEvenIfItLooksLikeAnOption()
    {
        var getopt = Scan("-s1.2.3.4", "-d", "-q", "--src=", "--dst", "--reply-src");
        Assert.Equal("1.2.3.4", getopt.Next(Table).Argument);
        Assert.Equal("-q", getopt.Next(Table).Argument);
        Assert.Equal("", getopt.Next(Table).Argument);
        Assert.Equal("--reply-src", getopt.Next(Table).Argument);
    }

    [Fact]
    public void UniquePrefixSelectsALongOption()
    {
        var result = Scan("--orig-s", "192.0.2.1").Next(Table);
        Assert.Equal(GetoptStatus.Option, result.Status);
        Assert.Equal('s', result.Code);
        Assert.Equal("192.0.2.1", result.Argument);
    }

    [Fact]
    public void ExactNameWinsOverLongerNames()
    {
        // "src" is also a prefix of "src-nat".
        Assert.Equal('s', Scan("--src", "192.0.2.1").Next(Table).Code);
    }

    [Fact]
    public void PrefixOfDifferentOptionsIsUnknownAndTheWholeWordIsQuoted()
    {
        var getopt = Scan("--s", "1");
        Assert.Equal(GetoptStatus.Unknown, getopt.Next(Table).Status);
        Assert.Equal("--s", getopt.WordBeforeCursor);
    }

    [Fact]
    public void PrefixOfSeveralNamesOfOneOptionIsNotAmbiguous()
    {
        LongOption[] table = [new("orig-src", ArgumentRequirement.Required, 's'), new("orig-source", ArgumentRequirement.Required, 's')];
        Assert.Equal('s', Scan("--orig-s", "x").Next(table).Code);
    }

    [Fact]
    public void SameNameWithAnotherCodeMakesAPrefixAmbiguousButNotTheExactName()
    {
        LongOption[] table = [new("sport", ArgumentRequirement.Required, 256 + '1'), new("sport", ArgumentRequirement.Required, 512 + '1')];
        Assert.Equal(GetoptStatus.Unknown, Scan("--spo", "1").Next(table).Status);
        Assert.Equal(256 + '1', Scan("--sport", "1").Next(table).Code);
    }

    [Fact]
    public void ValueForAnOptionWithoutArgumentIsUnknown()
    {
        var getopt = Scan("--help=x");
        Assert.Equal(GetoptStatus.Unknown, getopt.Next(Table).Status);
        Assert.Equal("--help=x", getopt.WordBeforeCursor);
    }

    [Fact]
    public void MissingRequiredArgumentQuotesTheOption()
    {
        var getopt = Scan("-L", "--src");
        getopt.Next(Table);
        Assert.Equal(GetoptStatus.MissingArgument, getopt.Next(Table).Status);
        Assert.Equal("--src", getopt.WordBeforeCursor);
    }

    [Fact]
    public void UnknownLetterInsideAClusterQuotesThePreviousWord()
    {
        var getopt = Scan("-L", "-Rx");
        getopt.Next(Table);
        Assert.Equal(GetoptStatus.Unknown, getopt.Next(Table).Status);
        Assert.Equal("-L", getopt.WordBeforeCursor);
    }

    [Fact]
    public void SkippedOperandsArePermutedBehindTheOptionsAsGlibcDoes()
    {
        // "foo" is moved before "-Rx", so the word before the cursor is "foo".
        var getopt = Scan("-z", "foo", "-Rx");
        Assert.Equal('z', getopt.Next(Table).Code);
        Assert.Equal(GetoptStatus.Unknown, getopt.Next(Table).Status);
        Assert.Equal("foo", getopt.WordBeforeCursor);
    }

    [Fact]
    public void DoubleDashEndsTheOptions()
    {
        var getopt = Scan("--", "-L");
        Assert.Equal(GetoptStatus.End, getopt.Next(Table).Status);
    }

    [Fact]
    public void LoneDashIsAnOperand()
    {
        var getopt = Scan("-", "-z");
        Assert.Equal('z', getopt.Next(Table).Code);
        Assert.Equal(GetoptStatus.End, getopt.Next(Table).Status);
    }

    [Fact]
    public void ScanAndIndexFindTheSameOptionForEveryName()
    {
        // The first names of a run are found by a scan, later ones in an index: both must give the
        // first option of that name, in conntrack's table, in each protocol's, in a table with a
        // name twice (a second -p of the same protocol), and nothing for prefixes or other words.
        var tables = new List<IReadOnlyList<LongOption>> { Table };
        tables.AddRange(ProtocolCatalog.Extensions.Select(extension => extension.Options));
        tables.Add([.. Table, .. Table]);
        foreach (var table in tables)
        {
            var words = table.Select(option => option.Name)
                .Concat(table.Select(option => option.Name[..^1]))
                .Concat(["", "no-such-option", "src-nat-"]);
            foreach (string word in words)
            {
                int scanned = GetoptLong.ScanForName(table, word);
                Assert.Equal(scanned, GetoptLong.NameIndex.Find(table, word));
                Assert.Equal(table.ToList().FindIndex(option => option.Name == word), scanned);
            }
        }
    }
}
