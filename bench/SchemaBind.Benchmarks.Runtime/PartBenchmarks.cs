using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>Where the time of one call goes: each step of <see cref="ClientBenchmarks"/> alone, generated vs. STJ source gen.</summary>
[MemoryDiagnoser]
public class PartBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly RunDockerContainerActionRequest _request = NewRequest();
    private readonly HandActionRequest _handRequest = new()
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

    private HttpClient _http = null!;
    private BuddyClient _noTimeout = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new InMemoryHandler()) { BaseAddress = new Uri("https://api.buddy.works") };
        _noTimeout = new BuddyClient(_http, new ApiClientOptions { AccessToken = Seed.Token, Timeout = Timeout.InfiniteTimeSpan });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Description = "build request (generated)")]
    public RunDockerContainerActionRequest Build() => NewRequest();

    [Benchmark(Description = "validate (generated)")]
    public bool Validate()
    {
        var context = new ValidationContext();
        _request.Validate(context);
        return context.HasErrors;
    }

    [Benchmark(Description = "serialize (generated)")]
    public int Serialize()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        ActionRequest.WriteJson(writer, _request);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "serialize (STJ source gen)")]
    public int SerializeHand()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        JsonSerializer.Serialize(writer, _handRequest, HandJsonContext.Default.HandActionRequest);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "read response (generated)")]
    public PipelineAction Read() => PipelineAction.FromJson(Seed.ResponseBody);

    [Benchmark(Description = "read response (STJ source gen)")]
    public HandAction ReadHand() => JsonSerializer.Deserialize(Seed.ResponseBody, HandJsonContext.Default.HandAction)!;

    [Benchmark(Description = "whole call, generated, Timeout off")]
    public Task<PipelineAction> CallWithoutTimeout() => _noTimeout.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, NewRequest());

    internal static RunDockerContainerActionRequest NewRequest() => new()
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
    };
}
