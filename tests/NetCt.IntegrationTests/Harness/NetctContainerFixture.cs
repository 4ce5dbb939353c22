namespace NetCt.IntegrationTests.Harness;

/// <summary>A container with both the reference conntrack and bin/netct: for comparison tests.</summary>
public sealed class NetctContainerFixture : ContainerFixture
{
    /// <inheritdoc />
    protected override bool MountsNetct => true;
}
