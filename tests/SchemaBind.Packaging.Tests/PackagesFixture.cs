using System.Globalization;

[assembly: AssemblyFixture(typeof(SchemaBind.Packaging.Tests.PackagesFixture))]

namespace SchemaBind.Packaging.Tests;

/// <summary>
/// Packs SchemaBind.Generator, SchemaBind.Runtime and SchemaBind.Cli once for the whole test run, into a
/// temporary folder, under a version no earlier run used (so no NuGet cache can serve a stale package), and
/// lays out a nuget.config that adds that folder on top of the machine's sources. Restores extract into a
/// packages folder of their own; the machine's global folder is only a read-only fallback for the
/// runtime's dependencies, so nothing of this run is left in it.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public PackagesFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "schemabind-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
    }

    /// <summary>The temporary folder of this run: the feed, nuget.config and the consumer projects.</summary>
    public string Root { get; }

    /// <summary>The local package source that the packs write to.</summary>
    public string Feed { get; }

    /// <summary>The version every package of this run carries.</summary>
    public string Version { get; }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>The consumer project's folder (see <see cref="ConsumerProject"/>).</summary>
    public string ConsumerDirectory => Path.Combine(Root, "consumer");

    private Task<ProcessResult>? _consumerBuild;
    private readonly Lock _consumerLock = new();

    /// <summary>Writes and builds the consumer project once (Release, restore included); later calls share the result.</summary>
    internal Task<ProcessResult> BuildConsumerAsync()
    {
        lock (_consumerLock)
        {
            return _consumerBuild ??= Build();
        }

        Task<ProcessResult> Build()
        {
            ConsumerProject.Write(ConsumerDirectory, Version);
            return DotNet.RunAsync(ConsumerDirectory, "build", "-c", "Release", "-tl:off", "-v:m");
        }
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        // Nothing above Root may take part in the consumer builds (no Directory.Build.* of a parent folder).
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <!-- Added on top of the machine's sources (no <clear/>). -->
                <add key="schemabind-local" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-global-packages" value="{MachineGlobalPackages()}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // From this configuration's build outputs (the project references build them first): no rebuild,
        // so a concurrent `dotnet test` of the solution never sees these projects' outputs rewritten.
        Task<ProcessResult>[] packs =
        [
            Pack("generator/SchemaBind.Generator/SchemaBind.Generator.csproj"),
            Pack("runtime/SchemaBind.Runtime/SchemaBind.Runtime.csproj"),
            Pack("generator/SchemaBind.Cli/SchemaBind.Cli.csproj"),
        ];
        foreach (ProcessResult pack in await Task.WhenAll(packs))
        {
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException(pack.Describe());
            }
        }
    }

    private Task<ProcessResult> Pack(string project) => DotNet.RunAsync(
        DotNet.RepoRoot,
        "pack", DotNet.RepoFile(project), "-c", DotNet.Configuration, "--no-build", "-o", Feed, "-p:Version=" + Version, "-tl:off", "-v:m");

    private static string MachineGlobalPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("SCHEMABIND_KEEP_PACKAGING") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is not a test failure.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
