using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class CancellationTests
{
    private static readonly Uri Unused = new("https://default.invalid/");

    [Fact]
    public async Task Canceling_while_waiting_for_the_response_throws_OperationCanceledException()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            reached.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address }, Unused);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<ApiResponse<Pet>> call = transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, cts.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await cts.CancelAsync();

        // Bounded: a transport that ignored the token until the response arrived would fail with a TimeoutException.
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(3), Ct));
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task An_already_canceled_token_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address }, Unused);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            transport.SendAsync(HttpMethod.Post, "/pets", new Pet(1, "a"), Pet.Write, new CancellationToken(canceled: true)));

        // A request that was sent would have been answered (and recorded) well within this time.
        await transport.SendAsync(HttpMethod.Get, "/after", Ct);
        Assert.Equal("/after", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task The_token_provider_receives_the_cancellation_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        CancellationToken seen = default;
        var options = new ApiClientOptions
        {
            BaseAddress = server.Address,
            AccessTokenProvider = token =>
            {
                seen = token;
                return ValueTask.FromResult<string?>("t");
            },
        };

        await new ApiTransport(http, options, Unused).SendAsync(HttpMethod.Get, "/x", cts.Token);

        Assert.Equal(cts.Token, seen);
    }
}
