using System.Text.RegularExpressions;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Events;

/// <summary>
/// Runs <c>conntrack -E ARGS</c> and <c>netct -E ARGS</c> side by side in the container (each in the
/// background, stdout and stderr to files), so both see the same events; <see cref="StopAsync"/>
/// signals both and collects what they printed.
/// </summary>
internal sealed partial class EventListeners(ContainerFixture fixture, string arguments)
{
    private static readonly string[] Programs = ["conntrack", "netct"];

    /// <summary>Starts both listeners and waits until they have joined their groups.</summary>
    public async Task StartAsync()
    {
        foreach (string program in Programs)
        {
            string dir = $"/tmp/ev-{program}";
            await fixture.ShellCheckedAsync(
                $"rm -rf {dir} && mkdir -p {dir} && " +
                $"setsid sh -c '{program} -E {arguments} >{dir}/out 2>{dir}/err & echo $! >{dir}/pid; wait $!; echo $? >{dir}/rc' " +
                ">/dev/null 2>&1 </dev/null &");
        }
        await Task.Delay(1000);
    }

    /// <summary>Sends <paramref name="signal"/> to both (after a pause so the last events are read), waits for them to end, and returns (reference, netct).</summary>
    public async Task<(CommandResult Reference, CommandResult Netct)> StopAsync(string signal = "INT")
    {
        await Task.Delay(700);
        var results = new List<CommandResult>();
        foreach (string program in Programs)
        {
            string dir = $"/tmp/ev-{program}";
            await fixture.ShellCheckedAsync($"kill -{signal} $(cat {dir}/pid); for i in $(seq 100); do [ -s {dir}/rc ] && break; sleep 0.1; done");
            var stdout = await fixture.ShellCheckedAsync($"cat {dir}/out");
            var stderr = await fixture.ShellCheckedAsync($"cat {dir}/err");
            var rc = await fixture.ShellCheckedAsync($"cat {dir}/rc");
            results.Add(new CommandResult(stdout.Stdout, stderr.Stdout, long.Parse(rc.Stdout.Trim())));
        }
        return (results[0], results[1]);
    }

    /// <summary>
    /// Event output with the volatile fields masked (<see cref="OutputMasking.MaskStdout"/>), and the
    /// <c>[USERSPACE]</c> suffix reduced to its tag: the port ids and program names belong to the
    /// processes each listener looked up, found or not depending on timing.
    /// </summary>
    public static string Masked(string stdout) =>
        Userspace().Replace(OutputMasking.MaskStdout(stdout), "[USERSPACE]");

    [GeneratedRegex(@"\[USERSPACE\] portid=\d+( progname=\S+)?")]
    private static partial Regex Userspace();
}
