using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Arguments;

/// <summary>
/// <c>-o json</c>, netct's own output word: conntrack-1.4.8 answers every one of these command lines
/// with "Bad parameter `json'" (exit 2); netct accepts the word spelt out and changes nothing else.
/// </summary>
public class JsonOutputOptionTests
{
    [Theory]
    [InlineData("-L -o json")]
    [InlineData("-L -o JSON")]
    [InlineData("-G -p tcp -s 192.0.2.1 -d 198.51.100.1 --sport 1 --dport 2 -o json")]
    [InlineData("-D -s 192.0.2.1 -o json")]
    [InlineData("-U -s 192.0.2.1 -m 1 -o json")]
    [InlineData("-E -o json")]
    [InlineData("-S -o json")]
    public void Json_is_accepted_by_the_commands_that_print(string commandLine)
    {
        Assert.True(ParseCommand(commandLine).Output.HasFlag(OutputFlags.Json));
    }

    [Fact]
    public void Json_combines_with_the_decorations()
    {
        Assert.Equal(OutputFlags.Json | OutputFlags.Id | OutputFlags.Extended, ParseCommand("-L -o id,json -o extended").Output);
    }

    [Theory]
    // conntrack-1.4.8: "Bad parameter `j'", "`jso'", "`jsonx'": no prefix of json and nothing longer is taken.
    [InlineData("-L -o j", "Bad parameter `j'")]
    [InlineData("-L -o jso", "Bad parameter `jso'")]
    [InlineData("-L -o jsonx", "Bad parameter `jsonx'")]
    [InlineData("-L -o id,jsonx,xml", "Bad parameter `jsonx,xml'")]
    public void Other_words_keep_conntracks_error(string commandLine, string message)
    {
        AssertError(WithLabels, commandLine, message, 2, "");
    }

    [Theory]
    [InlineData("-L -o json,xml")]
    [InlineData("-L -o xml -o json")]
    [InlineData("-L -o save,json")]
    public void Json_does_not_combine_with_xml_or_save(string commandLine)
    {
        AssertError(WithLabels, commandLine, "cannot combine json output with xml or save output", 2, "");
    }

    [Fact]
    public void Save_with_conntracks_words_keeps_conntracks_error()
    {
        // conntrack-1.4.8 -L -o save,id: exit 1.
        AssertError(WithLabels, "-L -o save,id,json", "cannot combine save output with any other output type, use -o save only", 1, "");
    }

    [Theory]
    // conntrack-1.4.8 -S -o xml / -C -o xml: "Illegal option `--output' with this command".
    [InlineData("-S -o xml")]
    [InlineData("-C -o json")]
    public void Stats_takes_only_json_and_count_takes_no_output(string commandLine)
    {
        AssertError(WithLabels, commandLine, "Illegal option `--output' with this command", 2, "");
    }

    [Fact]
    public void Labels_with_json_load_the_label_map()
    {
        Assert.NotNull(ParseCommand("-L -o json,labels").Labels);
    }
}
