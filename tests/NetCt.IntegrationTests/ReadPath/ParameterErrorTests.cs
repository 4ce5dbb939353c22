using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// A sample of conntrack's parameter errors through the real binary: same message after the program
/// prefix, same usage hint, same exit code. (The unit tests hold 500+ golden rows of the parser; these
/// show the binary wires them through.) Every row fails before anything touches the table, including
/// the -I, -D, -U, -F and -E rows.
/// </summary>
public sealed class ParameterErrorTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Fact]
    public async Task ParameterProblemsExitWithTwo()
    {
        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-L --no-such-option", "-X", "-L -s", "-L -p", "-L --src", "-U -t",
            "-L -t 30", "-L -i 1", "-G -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 -m 1", "-F -p tcp",
            "-L -L", "-L -G", "-C -L",
            "-L -s 192.0.2.1 -d 2001:db8::1", "-D -s 192.0.2.1 -d 2001:db8::1", "-L -f ipv4 -s 2001:db8::1",
            "-L -s 192.0.2.300", "-L -s foo", "-L -s 2001:db8::zz", "-L -s 192.0.2.1/33", "-L -s 192.0.2.1/24/3",
            "-L -d 192.0.2.0 --mask-dst ffff::",
            "-L -n 192.0.2.1:99999", "-L -n 192.0.2.1:abc", "-L -g [2001:db8::1]", "-L -j 192.0.2.1 -n",
            // A NAT filter needs an address: a port alone is "Invalid IP address `'".
            "-L -n :4000", "-L -g :8080",
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 10 -g [2001:db8::1]",
            "-L --dport 80 -p tcp", "-L -p 47 --sport 1", "-L --reply-port-src 1",
            "-L -p bogus", "-L -p 256", "-L -f inet", "-h -p nosuch",
            "-L -p tcp --state BOGUS", "-D -p tcp --state NOPE", "-L -p dccp --role bogus",
            "-L -u BOGUS", "-L -u ASSURED,", "-L -o ,",
            "-I -s 192.0.2.1 -d 192.0.2.2", "-I -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2",
            "-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 10 -z", "-A -s 192.0.2.1",
            "-L -z -p tcp", "-L -l", "-L -l one")
            // An argument with a blank and a quote, echoed back in the message, reaches both programs intact.
            .Append(["-L", "-s", "it's 192.0.2.1"]));
        Assert.All(comparisons, comparison => Assert.Equal(2, comparison.Netct.ExitCode));
    }

    [Fact]
    public async Task SaveCombinedWithAnotherFormat()
    {
        // conntrack says so without the usage hint, and exits 1.
        var comparisons = await fixture.AssertAllSameAsync(Commands("-L -o save,xml", "-D -o save,id", "-E -o save,xml", "-G -o extended,save"));
        Assert.All(comparisons, comparison => Assert.DoesNotContain("--help", comparison.Netct.Stderr));
    }

    private static IEnumerable<string[]> Commands(params string[] lines) => lines.Select(line => line.Split(' '));
}
