using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Top;

/// <summary>
/// <c>netct top</c> on a real table in a real pseudo-terminal (tmux): the screen follows creates and
/// destroys, keys sort, group, filter and delete (checked with conntrack 1.4.8), and the terminal
/// mode is the same after q or SIGTERM as before; <c>--once</c> lists what <c>-L</c> lists.
/// </summary>
public sealed class TopTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private readonly TopScreenSession _top = new(fixture);

    [Fact]
    public async Task TheScreenFollowsTheTableAndTheKeys()
    {
        await fixture.ResetAsync();
        await fixture.GenerateLoopbackFlowsAsync(tcp: 2, udp: 1, icmp: 1);
        await fixture.CreateAsync("-p", "udp", "-s", "192.0.2.1", "-d", "198.51.100.1", "--sport", "1111", "--dport", "53", "-t", "300");
        await _top.StartAsync();

        string first = await _top.WaitForScreenAsync(s => s.Contains("192.0.2.1") && s.Contains("127.0.0.1"), "the dumped table");
        Assert.Contains("netct top  entries 5/", first);
        Assert.Contains("TIME_WAIT", first);
        Assert.Contains("sort src  group none  filter none", first);

        // A netlink create and a netlink delete, seen through the events.
        await fixture.CreateAsync("-p", "tcp", "-s", "192.0.2.2", "-d", "198.51.100.2", "--sport", "2222", "--dport", "443", "--state", "ESTABLISHED", "-t", "300");
        await _top.WaitForScreenAsync(s => s.Contains("192.0.2.2") && s.Contains("ESTABLISHED"), "the created entry");
        // 192.0.2.1's entry is older than top's listener: with nf_conntrack_events=2 the kernel sends
        // no DESTROY for it, so it leaves the screen through the feed's reconciling dump (5 s on a small table).
        await fixture.ExecCheckedAsync("conntrack", "-D", "-s", "192.0.2.1");
        await _top.WaitForScreenAsync(s => !s.Contains("192.0.2.1 ") && s.Contains("entries 5/"), "the deleted entry gone");

        // Sort: by source the loopback rows come first; reversed, last.
        string[] bySource = TopScreenSession.Rows(await _top.ScreenAsync());
        Assert.Contains(" 127.0.0.1 ", bySource[0]);
        await _top.SendKeysAsync("r");
        string reversed = await _top.WaitForScreenAsync(s => s.Contains("sort src (reverse)"), "the reversed sort");
        Assert.Contains("192.0.2.2", TopScreenSession.Rows(reversed)[0]);
        await _top.SendKeysAsync("r", "b");
        string byDestination = await _top.WaitForScreenAsync(s => s.Contains("sort dst  group"), "the sort by destination");
        Assert.Contains("198.51.100.2", TopScreenSession.Rows(byDestination)[^1]);

        // Grouping: by source, then by destination.
        await _top.SendKeysAsync("g");
        string bySourceGroups = await _top.WaitForScreenAsync(s => s.Contains("group src "), "the grouping by source");
        Assert.Matches(@"\n127\.0\.0\.1 +4 +80\.0% ", bySourceGroups);
        Assert.Matches(@"\n192\.0\.2\.2 +1 +20\.0% ", bySourceGroups);
        await _top.SendKeysAsync("g", "g", "g");
        string byProtocol = await _top.WaitForScreenAsync(s => s.Contains("group proto "), "the grouping by protocol and state");
        Assert.Matches(@"\ntcp TIME_WAIT +2 +40\.0% ", byProtocol);
        for (int i = 0; i < 5; i++)
            await _top.SendKeysAsync("g");
        await _top.WaitForScreenAsync(s => s.Contains("group none "), "the entries again");

        // Filter with conntrack's syntax, then delete the one entry left with x and y.
        await _top.SendKeysAsync("/");
        await _top.WaitForScreenAsync(s => s.Contains("filter (conntrack -L options"), "the filter prompt");
        await _top.SendKeysAsync("-p tcp --dport 443", "Enter");
        string filtered = await _top.WaitForScreenAsync(s => s.Contains("filter -p tcp --dport 443") && s.Contains("entries 1/"), "the filtered table");
        Assert.Single(TopScreenSession.Rows(filtered));
        await _top.SendKeysAsync("x");
        await _top.WaitForScreenAsync(s => s.Contains("delete tcp 192.0.2.2:2222 -> 198.51.100.2:443? (y/n)"), "the delete confirmation");
        await _top.SendKeysAsync("y");
        await _top.WaitForScreenAsync(s => s.Contains("deleted tcp 192.0.2.2:2222") && s.Contains("entries 0/"), "the deletion");
        var list = await fixture.ConntrackAsync("-L", "-s", "192.0.2.2");
        Assert.Equal("", list.Stdout);
        Assert.Contains("0 flow entries have been shown.", list.Stderr);

        await _top.SendKeysAsync("q");
        var exit = await _top.WaitForExitAsync();
        Assert.Equal(0, exit.ExitCode);
        Assert.True(exit.TerminalRestored, $"stty -g before {exit.Before}, after {exit.After}");
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ASignalEndsItWithTheTerminalRestored(string signal)
    {
        await fixture.ResetAsync();
        await _top.StartAsync();
        await _top.WaitForScreenAsync(s => s.Contains("netct top  entries"), "the screen");
        await _top.SendKeysAsync("/", "-p");

        await fixture.ShellCheckedAsync($"for p in /proc/[0-9]*; do [ \"$(cat $p/comm 2>/dev/null)\" = netct ] && kill -{signal} ${{p#/proc/}}; done; true");

        var exit = await _top.WaitForExitAsync();
        Assert.Equal(0, exit.ExitCode);
        Assert.True(exit.TerminalRestored, $"stty -g before {exit.Before}, after {exit.After}");
    }

    [Fact]
    public async Task OnceListsWhatListLists()
    {
        await fixture.ResetAsync();
        await fixture.GenerateLoopbackFlowsAsync(tcp: 2, udp: 2, icmp: 1);
        await fixture.CreateAsync("-p", "udp", "-s", "192.0.2.7", "-d", "198.51.100.53", "--sport", "3333", "--dport", "53", "-t", "300", "-m", "7");
        await fixture.CreateAsync("-p", "tcp", "-s", "2001:db8::1", "-d", "2001:db8::2", "--sport", "4444", "--dport", "80", "--state", "SYN_SENT", "-t", "300");

        foreach (string[] filter in new[] { Array.Empty<string>(), ["-p", "udp", "--dport", "53"], ["-m", "7"], ["-f", "ipv6"] })
        {
            var once = await fixture.NetctAsync(["top", "--once", .. filter]);
            var list = await fixture.ConntrackAsync(["-L", .. filter]);
            Assert.Equal(0, once.ExitCode);
            Assert.Equal("", once.Stderr);
            Assert.Equal(ListTuples(list.Stdout), OnceTuples(once.Stdout));
        }

        var json = await fixture.NetctAsync("top", "--once", "-o", "json", "-p", "udp");
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        Assert.Equal(3, document.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task WithoutATerminalItSaysSoInOneLine()
    {
        var run = await fixture.ShellAsync("netct top >/tmp/top-out");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("standard output is not a terminal: use --once", run.Stderr);
    }

    // "proto src sport dst dport [state]" of each -L line, sorted.
    private static string[] ListTuples(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string Field(string name) => words.FirstOrDefault(w => w.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "";
            string state = words[0] == "tcp" ? words[3] : "";
            string sport = words[0].StartsWith("icmp", StringComparison.Ordinal) ? "id " + Field("id") : Field("sport");
            string dport = words[0].StartsWith("icmp", StringComparison.Ordinal) ? $"{Field("type")}/{Field("code")}" : Field("dport");
            return $"{words[0]} {Field("src")} {sport} {Field("dst")} {dport} {state}".TrimEnd();
        }).Order().ToArray();

    private static string[] OnceTuples(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(3).Select(line =>
        {
            // proto source sport destination dport state ttl ...: the state column is empty for udp and icmp.
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool icmp = words[0].StartsWith("icmp", StringComparison.Ordinal);
            int at = icmp ? 6 : 5;
            string sport = icmp ? $"{words[2]} {words[3]}" : words[2];
            string destination = icmp ? words[4] : words[3];
            string dport = icmp ? words[5] : words[4];
            string state = words[0] == "tcp" ? words[at] : "";
            return $"{words[0]} {words[1]} {sport} {destination} {dport} {state}".TrimEnd();
        }).Order().ToArray();
}
