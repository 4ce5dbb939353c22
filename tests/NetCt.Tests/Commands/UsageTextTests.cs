using NetCt.Cli.Commands;

namespace NetCt.Tests.Commands;

/// <summary>The frame of -h: what conntrack 1.4.8's usage() prints around its tables.</summary>
public sealed class UsageTextTests
{
    [Fact]
    public void NetctsLineNamesItsOwnCommands()
    {
        string text = UsageText.NetctCommandsLine();

        Assert.Equal("netct's own commands: " + string.Join(", ", NetCt.Cli.Tree.NetctCommandWords.All) + " (netct help COMMAND describes one)\n", text);
    }

    [Fact]
    public void StartsWithTheProgramAndEndsWithABlankLine()
    {
        string text = UsageText.Build("/usr/sbin/netct");

        Assert.StartsWith("Command line interface for the connection tracking system. Version ", text);
        Assert.Contains("\nUsage: /usr/sbin/netct [commands] [options]\n\nCommands:\n", text);
        // usage() ends with fprintf("\n%s\n", usage_parameters): a blank line, which -h -p puts
        // between the table and "Proto `tcp' help:".
        Assert.EndsWith("  --mask-dst ip\t\t\tDestination mask address\n\n", text);
    }
}
