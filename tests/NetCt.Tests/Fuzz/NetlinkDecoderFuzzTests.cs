using System.Diagnostics;

namespace NetCt.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of everything that reads kernel-supplied bytes (see
/// <see cref="NetlinkDecoderTarget"/>), and every saved corpus input as a regression test.
/// </summary>
public sealed class NetlinkDecoderFuzzTests
{
    public static TheoryData<string> CorpusFiles() => [.. FuzzSettings.CorpusFiles("netlink").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusInputIsDecodedOrRejectedCleanly(string file) =>
        NetlinkDecoderTarget.Run(File.ReadAllBytes(Path.Combine(FuzzSettings.Directory, "corpus", "netlink", file)));

    [Fact]
    public void TheSeedsDecode() => Assert.All(NetlinkDecoderTarget.Seeds, seed => Assert.True(NetlinkDecoderTarget.Run(seed)));

    [Fact]
    public void MutatedKernelMessagesNeverEscapeAsAnythingButADecodeError()
    {
        var random = new Random(FuzzSettings.Seed);
        var mutator = new NetlinkMutator(random);
        byte[][] seeds = [.. NetlinkDecoderTarget.Seeds, .. FuzzSettings.CorpusFiles("netlink").Select(File.ReadAllBytes)];
        var clock = Stopwatch.StartNew();
        int iterations = 0;
        int rejected = 0;
        while (clock.Elapsed < FuzzSettings.Budget)
        {
            byte[] input = mutator.Mutate(seeds[random.Next(seeds.Length)]);
            iterations++;
            try
            {
                if (!NetlinkDecoderTarget.Run(input))
                    rejected++;
            }
            catch (Exception e)
            {
                string saved = FuzzSettings.SaveCrash("netlink", input);
                Assert.Fail($"seed {FuzzSettings.Seed}, iteration {iterations}: {e.GetType().Name}: {e.Message}\ninput saved to {saved}: {Convert.ToHexString(input)}\n{e}");
            }
        }

        // Enough inputs got through, and enough were refused, for the run to have meant something.
        Assert.True(iterations > 1000, $"only {iterations} inputs in {FuzzSettings.Budget}");
        Assert.InRange(rejected, 1, iterations - 1);
    }
}
