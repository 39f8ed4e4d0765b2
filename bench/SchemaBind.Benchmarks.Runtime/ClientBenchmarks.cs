using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Buddy.Api;
using Refit;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// One call of the seed's request, end to end except the network: build the request object, (validate,) serialize,
/// send through <see cref="InMemoryHandler"/>, read the 201 response into objects.
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    private readonly InMemoryHandler _handler = new();
    private HttpClient _http = null!;
    private BuddyClient _generated = null!;
    private HandWrittenClient _hand = null!;
    private IBuddyRefitApi _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://api.buddy.works") };
        _generated = new BuddyClient(_http, new ApiClientOptions { AccessToken = Seed.Token });
        _hand = new HandWrittenClient(_http, Seed.Token);
        _refit = RestService.For<IBuddyRefitApi>(_http, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = HandJsonContext.Default }),
            AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(Seed.Token),
        });

        // Same answer from all three, or the comparison is meaningless.
        PipelineAction generated = Generated().GetAwaiter().GetResult();
        long generatedBytes = _handler.RequestBytes;
        HandAction hand = HandWritten().GetAwaiter().GetResult();
        long handBytes = _handler.RequestBytes;
        HandAction refit = Refit().GetAwaiter().GetResult();
        if (generated is not RunDockerContainerAction { Id: 2, Pipeline.Name: "Live mirror" } || hand.Id != 2 || refit.Pipeline?.Name != "Live mirror")
        {
            throw new InvalidOperationException("The clients did not read the same response.");
        }

        Console.WriteLine($"// request body bytes: generated {generatedBytes}, hand-written {handBytes}, Refit {_handler.RequestBytes}");
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source gen")]
    public Task<HandAction> HandWritten() => _hand.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, HandRequest());

    [Benchmark(Description = "SchemaBind generated client (validation on)")]
    public Task<PipelineAction> Generated() => _generated.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, new RunDockerContainerActionRequest
    {
        Name = "Run container",
        DockerImageName = "library/ubuntu",
        DockerImageTag = "latest",
        InlineCommands = "ls -al > ls.log",
        RunAsUser = "$containerUser",
        MountFilesystemDisable = false,
        ExportContainerPath = "/exportPath",
        VolumeMappings = ["/:/buddy/mount/directory"],
        Integration = new Integration { HashId = "5ddb7c180fb38be67bd78a88a" },
        Variables = [new Variable { Key = "containerUser", Value = "notRoot" }],
        Entrypoint = "/bin/sh",
    });

    [Benchmark(Description = "Refit 16.4 + STJ source gen")]
    public Task<HandAction> Refit() => _refit.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, HandRequest());

    private static HandActionRequest HandRequest() => new()
    {
        Name = "Run container",
        DockerImageName = "library/ubuntu",
        DockerImageTag = "latest",
        InlineCommands = "ls -al > ls.log",
        RunAsUser = "$containerUser",
        MountFilesystemDisable = false,
        ExportContainerPath = "/exportPath",
        VolumeMappings = ["/:/buddy/mount/directory"],
        Integration = new HandIntegration { HashId = "5ddb7c180fb38be67bd78a88a" },
        Variables = [new HandVariable { Key = "containerUser", Value = "notRoot" }],
        Entrypoint = "/bin/sh",
    };
}
