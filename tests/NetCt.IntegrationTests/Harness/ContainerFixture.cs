using System.Text;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;

namespace NetCt.IntegrationTests.Harness;

/// <summary>
/// One container per test class (use it as an <c>IClassFixture</c>): its own network namespace and so its
/// own, initially empty conntrack table, with the reference conntrack 1.4.8 and, for
/// <see cref="NetctContainerFixture"/>, the repository's <c>bin/netct</c> mounted at
/// <c>/usr/local/sbin/netct</c>. Tests of one class run one after another and share the table: start
/// each test with <see cref="ResetAsync"/>.
/// </summary>
public abstract partial class ContainerFixture : IAsyncLifetime
{
    /// <summary>The image built by tests/image/build-image.sh; env NETCT_TEST_IMAGE overrides it.</summary>
    public static readonly string ImageName =
        Environment.GetEnvironmentVariable("NETCT_TEST_IMAGE") is { Length: > 0 } image ? image : "netct-test:trixie";

    private const string SetupDirectory = "/opt/netct-setup";
    private IContainer? _container;

    static ContainerFixture()
    {
        // Debian's docker.io 20.10 speaks API 1.41, and Ryuk's image cannot be pulled (no registry):
        // containers are removed by DisposeAsync instead.
        SetDefaultEnvironment("DOCKER_API_VERSION", "1.41");
        SetDefaultEnvironment("TESTCONTAINERS_RYUK_DISABLED", "true");
    }

    /// <summary>Whether bin/netct is mounted into the container (and so must exist).</summary>
    protected abstract bool MountsNetct { get; }

    /// <summary>The capabilities added to the container's default set.</summary>
    protected virtual IReadOnlyList<string> Capabilities => ["NET_ADMIN"];

    /// <summary>The running container.</summary>
    public IContainer Container =>
        _container ?? throw new InvalidOperationException("the container has not been started");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new ContainerBuilder(ImageName)
            .WithImagePullPolicy(PullPolicy.Missing)
            .WithCommand("sleep", "infinity")
            .WithLabel("netct.integration-tests", "true")
            .WithBindMount(Path.GetDirectoryName(RepoLayout.LoopbackFlowsScript)!, SetupDirectory, AccessMode.ReadOnly)
            .WithCreateParameterModifier(parameters =>
            {
                parameters.HostConfig ??= new HostConfig();
                // Its own network namespace (and conntrack table), CAP_NET_ADMIN for netlink writes and
                // nft, and a writable /proc/sys so tests can set the per-netns net.* sysctls.
                parameters.HostConfig.NetworkMode = "none";
                parameters.HostConfig.CapAdd = [.. Capabilities];
                // What `docker run --security-opt systempaths=unconfined` sends: empty (not absent) lists.
                parameters.HostConfig.ReadonlyPaths = [];
                parameters.HostConfig.MaskedPaths = [];
            });

        if (MountsNetct)
        {
            var binary = RepoLayout.NetctBinary;
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException(
                    $"{binary} does not exist: run `make build` first (it publishes src/NetCt.Cli with Native AOT " +
                    "and copies the binary to bin/netct), or point NETCT_BIN at a netct binary.");
            }

            builder = builder.WithBindMount(binary, "/usr/local/sbin/netct", AccessMode.ReadOnly);
        }

        _container = builder.Build();
        try
        {
            await _container.StartAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"cannot start a container from {ImageName} ({e.GetType().Name}: {e.Message}). " +
                "Run tests/setup/ensure-deps.sh as root: it installs docker.io and mmdebstrap, starts dockerd " +
                "and builds the image.", e);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="argv"/> (no shell) in the container.</summary>
    public async Task<CommandResult> ExecAsync(params string[] argv)
    {
        var result = await Container.ExecAsync(argv);
        // A missing exit code means the exec did not finish normally: never equal to a real one.
        return new CommandResult(result.Stdout, result.Stderr, result.ExitCode ?? -1);
    }

    /// <summary>Runs a POSIX shell script (<c>sh -c</c>) in the container.</summary>
    public Task<CommandResult> ShellAsync(string script) => ExecAsync("sh", "-c", script);

    /// <summary>Runs the reference <c>conntrack ARGS</c> (1.4.8).</summary>
    public Task<CommandResult> ConntrackAsync(params string[] args) => ExecAsync(["conntrack", .. args]);

    /// <summary>Runs <c>netct ARGS</c> (only on a <see cref="NetctContainerFixture"/>).</summary>
    public Task<CommandResult> NetctAsync(params string[] args) => ExecAsync(["netct", .. args]);

    /// <summary>Like <see cref="ExecAsync"/> but fails the test unless the command exits 0.</summary>
    public async Task<CommandResult> ExecCheckedAsync(params string[] argv)
    {
        var result = await ExecAsync(argv);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"`{string.Join(' ', argv)}` failed in the container: {result}");
        }

        return result;
    }

    /// <summary>Like <see cref="ShellAsync"/> but fails the test unless the script exits 0.</summary>
    public Task<CommandResult> ShellCheckedAsync(string script) => ExecCheckedAsync("sh", "-c", script);

    /// <summary>Writes a file in the container (for <c>-R FILE</c> and the like).</summary>
    public Task WriteFileAsync(string path, string content) =>
        Container.CopyAsync(Encoding.UTF8.GetBytes(content), path);

    private static void SetDefaultEnvironment(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
