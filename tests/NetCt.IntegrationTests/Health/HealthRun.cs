using System.Text.Json;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Health;

/// <summary>Runs <c>netct health -o json</c> in a container and keeps the parsed report with the exit status.</summary>
internal sealed class HealthRun : IDisposable
{
    private readonly JsonDocument _document;

    private HealthRun(CommandResult result, JsonDocument document)
    {
        Result = result;
        _document = document;
    }

    public CommandResult Result { get; }

    public JsonElement Root => _document.RootElement;

    public static async Task<HealthRun> JsonAsync(ContainerFixture fixture, params string[] args) =>
        Parse(await fixture.ExecAsync(["netct", "health", "-o", "json", .. args]));

    /// <summary>The report of a <c>netct health -o json</c> run; fails the test unless stdout is one line.</summary>
    public static HealthRun Parse(CommandResult result)
    {
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"netct health -o json printed {lines.Length} lines: {result}");
        return new HealthRun(result, JsonDocument.Parse(lines[0]));
    }

    public long Number(params string[] path)
    {
        var element = Root;
        foreach (var name in path)
            element = element.GetProperty(name);
        return element.GetInt64();
    }

    public IEnumerable<JsonElement> Findings(string status) =>
        Root.GetProperty("findings").EnumerateArray().Where(finding => finding.GetProperty("status").GetString() == status);

    public void Dispose() => _document.Dispose();
}
