using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Top;

/// <summary>
/// <c>netct top</c> running under a real pseudo-terminal: a tmux session in the container whose pane
/// runs <c>stty -g</c>, then netct top, then <c>stty -g</c> again and records the exit code, so a
/// test can read the screen, send keys, and check that the terminal came back as it was.
/// </summary>
internal sealed class TopScreenSession(ContainerFixture fixture)
{
    private const string Directory = "/tmp/top";

    public async Task StartAsync(string arguments = "", int columns = 150, int rows = 40)
    {
        await fixture.ShellAsync("tmux kill-server 2>/dev/null; true");
        await fixture.ShellCheckedAsync($"rm -rf {Directory} && mkdir {Directory}");
        await fixture.ShellCheckedAsync(
            $"TERM=xterm-256color tmux new-session -d -s top -x {columns} -y {rows} " +
            $"\"stty -g >{Directory}/before; netct top {arguments}; echo \\$? >{Directory}/rc; stty -g >{Directory}/after; sleep 3600\"");
    }

    public async Task<string> ScreenAsync() => (await fixture.ShellCheckedAsync("tmux capture-pane -p -t top")).Stdout;

    /// <summary>The screen once <paramref name="condition"/> holds; fails the test with the last screen after 10 s.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> condition, string what)
    {
        string screen = "";
        for (int attempt = 0; attempt < 100; attempt++)
        {
            screen = await ScreenAsync();
            if (condition(screen))
                return screen;
            await Task.Delay(100);
        }

        Assert.Fail($"the screen never showed {what}:\n{screen}");
        return screen;
    }

    public Task SendKeysAsync(params string[] keys) => fixture.ExecCheckedAsync(["tmux", "send-keys", "-t", "top", "--", .. keys]);

    /// <summary>Waits for netct top to end; returns its exit code and whether stty -g read the same before and after.</summary>
    public async Task<(int ExitCode, bool TerminalRestored, string Before, string After)> WaitForExitAsync()
    {
        await fixture.ShellCheckedAsync($"for i in $(seq 100); do [ -s {Directory}/after ] && break; sleep 0.1; done; [ -s {Directory}/after ]");
        string before = (await fixture.ShellCheckedAsync($"cat {Directory}/before")).Stdout.Trim();
        string after = (await fixture.ShellCheckedAsync($"cat {Directory}/after")).Stdout.Trim();
        int exitCode = int.Parse((await fixture.ShellCheckedAsync($"cat {Directory}/rc")).Stdout.Trim());
        await fixture.ShellAsync("tmux kill-server 2>/dev/null; true");
        return (exitCode, before == after && before.Length > 0, before, after);
    }

    /// <summary>The lines of the table on a screen (after the header and the column names, before the status line).</summary>
    public static string[] Rows(string screen) =>
        screen.Split('\n').Skip(3).Where(line => line.Length > 0 && !line.StartsWith("h help", StringComparison.Ordinal)).ToArray();
}
