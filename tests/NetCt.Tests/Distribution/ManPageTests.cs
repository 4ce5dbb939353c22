using NetCt.Cli.Arguments;

namespace NetCt.Tests.Distribution;

/// <summary>
/// man/netct.8 renders without a warning (<c>groff -ww -man -Tutf8</c>; tests/setup/ensure-deps.sh
/// installs groff) and documents every option, output word and netct addition the parser accepts.
/// </summary>
public sealed class ManPageTests
{
    private static readonly string Page = RepositoryFiles.PathOf("man/netct.8");

    [Fact]
    public void Renders_without_warnings()
    {
        var groff = ExternalTool.Run("groff", ["-ww", "-man", "-Tutf8", Page], "run tests/setup/ensure-deps.sh (it installs groff)");
        Assert.Equal("", groff.Errors);
        Assert.Equal(0, groff.ExitCode);
        Assert.StartsWith("NETCT(8)", groff.Output);
    }

    [Fact]
    public void Documents_every_long_option()
    {
        // Long names are written with groff's \- for each hyphen.
        string page = File.ReadAllText(Page);
        var names = ConntrackOptionTable.LongOptions.Select(option => option.Name)
            .Concat(ProtocolCatalog.Extensions.SelectMany(extension => extension.Options).Select(option => option.Name))
            .Append(NetnsOption.Name[2..]);
        foreach (string name in names.Distinct())
            Assert.Contains(@"\-\-" + name.Replace("-", @"\-"), page);
    }

    [Theory]
    [InlineData("extended")]
    [InlineData("xml")]
    [InlineData("save")]
    [InlineData("id")]
    [InlineData("ktimestamp")]
    [InlineData("labels")]
    [InlineData("timestamp")]
    [InlineData("userspace")]
    [InlineData("json")]
    public void Documents_every_output_word(string word)
    {
        string page = File.ReadAllText(Page);
        int start = page.IndexOf(".SH OUTPUT FORMATS", StringComparison.Ordinal);
        string section = page[start..page.IndexOf("\n.SH ", start + 1, StringComparison.Ordinal)];
        Assert.Matches($@"\n\.BR?[^\n]*\b{word}\b", section);
    }
}
