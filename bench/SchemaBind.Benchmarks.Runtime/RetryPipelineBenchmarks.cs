using System.Net;
using BenchmarkDotNet.Attributes;
using Buddy.Api;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SchemaBind.Runtime;

namespace SchemaBind.Benchmarks.Runtime;

/// <summary>
/// What the retry policy costs per call when nothing fails (the common case): the seed's call through the transport's
/// own loop (3 attempts, a 100 s timer per attempt), against the same call with the loop turned off and a Polly
/// pipeline (Microsoft.Extensions.Http.Resilience's Polly.Core) doing the same job around it: retry on 429/502/503/504,
/// connection failures and timeouts, the server's Retry-After, exponential back-off with jitter, never re-send a
/// non-idempotent request, a timeout per attempt. Issue 17: use the pipeline unless it costs more than 10% per call.
/// </summary>
[MemoryDiagnoser]
public class RetryPipelineBenchmarks
{
    private static readonly ResiliencePropertyKey<bool> Idempotent = new("SchemaBind.Idempotent");

    private readonly InMemoryHandler _handler = new();
    private HttpClient _http = null!;
    private BuddyClient _loop = null!;
    private BuddyClient _once = null!;
    private ResiliencePipeline _pipeline = null!;
    private ResiliencePipeline _retryOnly = null!;
    private ResiliencePipeline _timeoutOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://api.buddy.works") };
        _loop = new BuddyClient(_http, new ApiClientOptions { AccessToken = Seed.Token });
        _once = new BuddyClient(_http, new ApiClientOptions { AccessToken = Seed.Token, Retry = ApiRetryOptions.None, Timeout = Timeout.InfiniteTimeSpan });
        var retry = new ApiRetryOptions();
        var retryStrategy = new RetryStrategyOptions
        {
            MaxRetryAttempts = retry.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = static args => ValueTask.FromResult(
                args.Context.Properties.GetValue(Idempotent, false)
                && args.Outcome.Exception is ApiConnectionException or ApiTimeoutException or TimeoutRejectedException
                    or ApiException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout }),
            DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Exception is ApiException { RetryAfter: TimeSpan wait } ? (TimeSpan?)wait : null),
        };
        _pipeline = new ResiliencePipelineBuilder().AddRetry(retryStrategy).AddTimeout(TimeSpan.FromSeconds(100)).Build();
        _retryOnly = new ResiliencePipelineBuilder().AddRetry(retryStrategy).Build();
        _timeoutOnly = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(100)).Build();

        if (Loop().GetAwaiter().GetResult() is not RunDockerContainerAction { Id: 2 } || Pipeline().GetAwaiter().GetResult() is not RunDockerContainerAction { Id: 2 }
            || LoopOff().GetAwaiter().GetResult() is not RunDockerContainerAction { Id: 2 })
        {
            throw new InvalidOperationException("The calls did not read the same response.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "seed call, transport's retry loop (default)")]
    public Task<PipelineAction> Loop() => _loop.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, PartBenchmarks.NewRequest());

    [Benchmark(Description = "seed call, loop off, Polly retry + timeout pipeline")]
    public Task<PipelineAction> Pipeline() => Through(_pipeline);

    [Benchmark(Description = "seed call, loop off, Polly retry only")]
    public Task<PipelineAction> RetryOnly() => Through(_retryOnly);

    [Benchmark(Description = "seed call, loop off, Polly timeout only")]
    public Task<PipelineAction> TimeoutOnly() => Through(_timeoutOnly);

    private async Task<PipelineAction> Through(ResiliencePipeline pipeline)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get();
        try
        {
            context.Properties.Set(Idempotent, false); // POST: never sent again
            return await pipeline.ExecuteAsync(
                static (context, client) => new ValueTask<PipelineAction>(client.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, PartBenchmarks.NewRequest(), context.CancellationToken)),
                context,
                _once).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Benchmark(Description = "seed call, loop off, no retry or timeout at all")]
    public Task<PipelineAction> LoopOff() => _once.AddActionAsync(Seed.Workspace, Seed.Project, Seed.PipelineId, PartBenchmarks.NewRequest());
}
