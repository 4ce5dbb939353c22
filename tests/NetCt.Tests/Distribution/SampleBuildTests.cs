namespace NetCt.Tests.Distribution;

/// <summary>
/// samples/ConntrackSample, the library's sample program, is built with this test project (a
/// project reference without its assembly): if it stops compiling against the library, the tests
/// do not build. This checks that the build produced it from the current sources.
/// </summary>
public sealed class SampleBuildTests
{
    [Fact]
    public void The_sample_is_built_with_the_tests()
    {
        string configuration = typeof(SampleBuildTests).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        string sample = RepositoryFiles.PathOf($"samples/ConntrackSample/bin/{configuration}/net10.0/ConntrackSample.dll");
        Assert.True(File.Exists(sample), $"{sample} was not built");
        Assert.True(
            File.GetLastWriteTimeUtc(sample) >= File.GetLastWriteTimeUtc(RepositoryFiles.PathOf("samples/ConntrackSample/Program.cs")),
            "the sample is older than its source");
    }
}
