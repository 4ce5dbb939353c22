using System.Text.Json;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// <c>-o json</c>, netct's own format, checked against what conntrack 1.4.8 prints for the same
/// table in text: the same entries with the same values, stdout pure NDJSON, the summary on stderr.
/// </summary>
public sealed class JsonOutputTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    [Fact]
    public async Task Every_entry_carries_the_values_conntrack_prints()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var text = await fixture.ExecCheckedAsync("conntrack", "-L", "-o", "extended,id");
        var json = await fixture.ExecCheckedAsync("netct", "-L", "-o", "json");

        var expected = text.Stdout.TrimEnd('\n').Split('\n').ToDictionary(line => line[(line.LastIndexOf(" id=", StringComparison.Ordinal) + 4)..], line => line);
        var objects = json.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(SampleTable.Lines.Count, objects.Length);
        Assert.Equal(text.Stderr.Replace("conntrack v1.4.8 (conntrack-tools)", "netct v0.1.0 (conntrack-tools 1.4.8 compatible)"), json.Stderr);

        foreach (string line in objects)
        {
            using var document = JsonDocument.Parse(line);
            var entry = document.RootElement;
            string reference = expected[entry.GetProperty("id").GetUInt32().ToString()];
            string[] words = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(words[0], entry.GetProperty("family").GetString());
            Assert.Equal(words[2], entry.GetProperty("protocol").GetString());
            Assert.Equal(words[3], entry.GetProperty("protonum").GetInt32().ToString());
            if (entry.TryGetProperty("state", out var state) && words[2] == "tcp")
                Assert.Equal(words[5], state.GetString());
            Assert.Equal(Field(reference, "mark="), entry.GetProperty("mark").GetUInt32().ToString());
            Assert.Equal(Field(reference, " use="), entry.GetProperty("use").GetUInt32().ToString());
            Assert.Equal(reference.Contains("[ASSURED]"), HasStatus(entry, "ASSURED"));
            Assert.Equal(reference.Contains("[UNREPLIED]"), !HasStatus(entry, "SEEN_REPLY"));
            Assert.Equal(Tuple(reference, 0, entry.GetProperty("original")), Fields(entry.GetProperty("original")));
            Assert.Equal(Tuple(reference, 1, entry.GetProperty("reply")), Fields(entry.GetProperty("reply")));
        }
    }

    [Fact]
    public async Task Statistics_have_one_object_per_cpu_with_conntracks_names()
    {
        await SampleTable.EnsureLoadedAsync(fixture);
        var text = await fixture.ExecCheckedAsync("conntrack", "-S");
        var json = await fixture.ExecCheckedAsync("netct", "-S", "-o", "json");
        string[] textLines = text.Stdout.TrimEnd('\n').Split('\n');
        string[] jsonLines = json.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(textLines.Length, jsonLines.Length);
        for (int i = 0; i < textLines.Length; i++)
        {
            using var document = JsonDocument.Parse(jsonLines[i]);
            var names = document.RootElement.EnumerateObject().Select(property => property.Name);
            var textNames = textLines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(word => word[..word.IndexOf('=')]);
            Assert.Equal(textNames, names);
        }
    }

    [Fact]
    public async Task Json_is_netcts_own_word()
    {
        var comparison = await fixture.CompareAsync("-L", "-o", "jso");
        ContainerFixture.AssertSame(comparison);
        var refused = await fixture.NetctAsync("-L", "-o", "json,xml");
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("netct v0.1.0 (conntrack-tools 1.4.8 compatible): cannot combine json output with xml or save output\n", refused.Stderr);
    }

    private static bool HasStatus(JsonElement entry, string bit) =>
        entry.GetProperty("status").EnumerateArray().Any(element => element.GetString() == bit);

    // The value after the first "key=" in a text line.
    private static string Field(string line, string key)
    {
        int start = line.IndexOf(key, StringComparison.Ordinal) + key.Length;
        int end = line.IndexOf(' ', start);
        return end < 0 ? line[start..] : line[start..end];
    }

    private static readonly HashSet<string> TupleKeys = ["src", "dst", "sport", "dport", "type", "code", "id", "srckey", "dstkey", "packets", "bytes"];

    // The n-th tuple of a text line, from its src= up to the next src=, flag or mark=, as key=value
    // words with GRE keys in decimal. conntrack prints ports the kernel did not send (a DCCP entry
    // without a DCCP tracker) as 0; JSON leaves them out.
    private static string Tuple(string line, int index, JsonElement json)
    {
        var words = line.Split(' ');
        int start = words.Select((word, i) => (word, i)).Where(pair => pair.word.StartsWith("src=")).ElementAt(index).i;
        var fields = new List<string>();
        foreach (string word in words.Skip(start).TakeWhile((word, i) => i == 0 || !(word.StartsWith("src=") || word.StartsWith('[') || word.StartsWith("mark="))))
        {
            int equals = word.IndexOf('=');
            string key = equals > 0 ? word[..equals] : "";
            if (TupleKeys.Contains(key) && (json.TryGetProperty(key, out _) || word is not ("sport=0" or "dport=0")))
                fields.Add(key + "=" + (key is "srckey" or "dstkey" ? Convert.ToUInt32(word[(equals + 1)..], 16).ToString() : word[(equals + 1)..]));
        }
        return string.Join(' ', fields);
    }

    private static string Fields(JsonElement tuple) =>
        string.Join(' ', tuple.EnumerateObject().Where(property => property.Name != "zone").Select(property =>
            property.Name + "=" + (property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText())));
}
