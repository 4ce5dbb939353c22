namespace NetCt.IntegrationTests.Harness;

/// <summary>A container with the reference conntrack only: for tests of the harness and of conntrack itself.</summary>
public sealed class ReferenceContainerFixture : ContainerFixture
{
    /// <inheritdoc />
    protected override bool MountsNetct => false;
}
