using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Namespaces;

/// <summary>
/// <c>netct --netns NAME|PATH</c> against <c>ip netns exec NAME conntrack</c>: the same table of
/// another namespace, while the container's own table holds something else.
/// </summary>
public sealed class NetnsTests(NamespaceContainerFixture fixture) : IClassFixture<NamespaceContainerFixture>
{
    private const string Namespace = "netct-x";

    [Fact]
    public async Task A_named_namespace_lists_what_ip_netns_exec_conntrack_lists()
    {
        await PrepareAsync();
        foreach (var args in new[] { new[] { "-L" }, ["-L", "-o", "extended,id"], ["-L", "-p", "udp"], ["-C"], ["-G", "-p", "tcp", "-s", "192.0.2.1", "-d", "198.51.100.1", "--sport", "1", "--dport", "2"] })
        {
            var reference = await fixture.ExecAsync(["ip", "netns", "exec", Namespace, "conntrack", .. args]);
            var netct = await fixture.NetctAsync(["--netns", Namespace, .. args]);
            ContainerFixture.AssertSame(new Comparison(args, reference, netct));
        }

        var own = await fixture.NetctAsync("-L");
        Assert.Contains("203.0.113.1", own.Stdout);
        Assert.DoesNotContain("192.0.2.1", own.Stdout);
    }

    [Fact]
    public async Task A_namespace_file_of_a_process_works_too()
    {
        await PrepareAsync();
        var result = await fixture.ShellCheckedAsync(
            $"ip netns exec {Namespace} sleep 60 & pid=$!; sleep 0.5; " +
            "netct --netns /proc/$pid/ns/net -L -o json; netct -L --netns=/proc/$pid/ns/net -p tcp; kill $pid");
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"src\":\"192.0.2.1\"", lines[0] + lines[1]);
        Assert.Contains("\"src\":\"192.0.2.2\"", lines[0] + lines[1]);
        Assert.StartsWith("tcp      6 ", lines[2]);
    }

    [Fact]
    public async Task Changes_happen_in_the_namespace()
    {
        await PrepareAsync();
        await fixture.ExecCheckedAsync("netct", "--netns", Namespace, "-D", "-p", "udp");
        var remaining = await fixture.ExecCheckedAsync("ip", "netns", "exec", Namespace, "conntrack", "-L");
        Assert.DoesNotContain("udp", remaining.Stdout);
        Assert.Contains("tcp", remaining.Stdout);
        Assert.Contains("203.0.113.1", (await fixture.NetctAsync("-L")).Stdout);
    }

    [Theory]
    [InlineData("nosuch", 2, "network namespace `nosuch' does not exist (/run/netns/nosuch)")]
    [InlineData("/etc/hostname", 2, "`/etc/hostname' is not a network namespace")]
    public async Task A_bad_namespace_is_one_line_and_a_parameter_problem(string name, int exitCode, string message)
    {
        var result = await fixture.NetctAsync("--netns", name, "-L");
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"netct v0.1.0 (conntrack-tools 1.4.8 compatible): {message}\nTry `netct -h'", result.Stderr);
    }

    [Fact]
    public async Task Entering_without_the_capability_is_a_refusal()
    {
        // setns(CLONE_NEWNET) needs CAP_SYS_ADMIN: without it the kernel says EPERM (exit 1).
        var result = await fixture.ShellAsync($"setpriv --inh-caps=-sys_admin --bounding-set=-sys_admin netct --netns {Namespace} -L");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"netct v0.1.0 (conntrack-tools 1.4.8 compatible): can't enter network namespace `{Namespace}': Operation not permitted (setns needs CAP_SYS_ADMIN)\n",
            result.Stderr);
    }

    // The namespace holds a tcp and a udp entry; the container's own table one udp entry elsewhere.
    private async Task PrepareAsync()
    {
        await fixture.ResetAsync();
        await fixture.ShellCheckedAsync(
            $"ip netns del {Namespace} 2>/dev/null; ip netns add {Namespace} && " +
            $"ip netns exec {Namespace} conntrack -I -s 192.0.2.1 -d 198.51.100.1 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 && " +
            $"ip netns exec {Namespace} conntrack -I -s 192.0.2.2 -d 198.51.100.2 -p udp --sport 3 --dport 4 -t 100 && " +
            "conntrack -I -s 203.0.113.1 -d 198.51.100.3 -p udp --sport 5 --dport 6 -t 100");
    }
}
