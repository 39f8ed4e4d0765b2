using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

/// <summary>
/// The transport against a real Kestrel server on 127.0.0.1 that misbehaves on demand. Every test checks the
/// exact outcome and how many requests the server saw, and is bounded in time (WaitAsync) so nothing can hang.
/// </summary>
public sealed class FaultTests
{
    private static readonly Uri Unused = new("https://default.invalid/");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private const string PetJson = """{"id":7,"name":"Rex"}""";

    private static ApiTransport Transport(HttpClient http, LoopbackServer server, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions { BaseAddress = server.Address, AccessToken = "secret-token", TimeProvider = new InstantTimeProvider() };
        configure?.Invoke(options);
        return new ApiTransport(http, options, Unused);
    }

    /// <summary>Answers the n-th request (1-based) with <paramref name="script"/>; later requests get a 200 with a pet.</summary>
    private static Task<LoopbackServer> Scripted(params Func<HttpContext, Task>[] script)
    {
        int count = 0;
        return LoopbackServer.StartAsync(context =>
        {
            int n = Interlocked.Increment(ref count);
            return n <= script.Length ? script[n - 1](context) : Ok(context);
        });
    }

    private static async Task Ok(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(PetJson, context.RequestAborted);
    }

    private static Func<HttpContext, Task> Status(int status, string? header = null, string? value = null, string? body = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (header is not null)
        {
            context.Response.Headers[header] = value;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    };

    [Fact]
    public async Task A_429_with_Retry_After_seconds_is_retried_after_exactly_that_wait()
    {
        await using LoopbackServer server = await Scripted(Status(429, "Retry-After", "7"));
        using var http = new HttpClient();
        var clock = new InstantTimeProvider();
        ApiTransport transport = Transport(http, server, o => o.TimeProvider = clock);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(new Pet(7, "Rex"), response.Value);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        string date = InstantTimeProvider.Now.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        await using LoopbackServer server = await Scripted(Status(429, "Retry-After", date));
        using var http = new HttpClient();
        var clock = new InstantTimeProvider();
        ApiTransport transport = Transport(http, server, o => o.TimeProvider = clock);

        await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(12)], clock.Delays);
    }

    [Fact]
    public async Task A_429_with_X_Rate_Limit_Reset_waits_until_the_reset()
    {
        string reset = InstantTimeProvider.Now.AddSeconds(4).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using LoopbackServer server = await Scripted(Status(429, "X-Rate-Limit-Reset", reset));
        using var http = new HttpClient();
        var clock = new InstantTimeProvider();
        ApiTransport transport = Transport(http, server, o => o.TimeProvider = clock);

        await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(4)], clock.Delays);
    }

    [Fact]
    public async Task A_wait_longer_than_MaxDelay_is_not_made_the_429_is_thrown_with_RetryAfter()
    {
        await using LoopbackServer server = await Scripted(Status(429, "Retry-After", "3600", """{"errors":[{"message":"Slow down"}]}"""));
        using var http = new HttpClient();
        var clock = new InstantTimeProvider();
        ApiTransport transport = Transport(http, server, o => o.TimeProvider = clock);

        var ex = await Assert.ThrowsAsync<ApiRateLimitException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Equal(["Slow down"], ex.ErrorMessages);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task A_429_that_persists_is_thrown_after_MaxAttempts_with_exponential_jittered_back_off()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(429);
        using var http = new HttpClient();
        var clock = new InstantTimeProvider();
        ApiTransport transport = Transport(http, server, o =>
        {
            o.TimeProvider = clock;
            o.Retry = new ApiRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };
        });

        var ex = await Assert.ThrowsAsync<ApiRateLimitException>(() => transport.SendAsync(HttpMethod.Get, "/pets", Ct).WaitAsync(Bound, Ct));

        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, server.Requests.Count);
        IReadOnlyList<TimeSpan> delays = clock.Delays;
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 0.5, 1); // 1 s with jitter in [50%, 100%]
        Assert.InRange(delays[1].TotalSeconds, 1, 2);
        Assert.InRange(delays[2].TotalSeconds, 1.5, 3); // 4 s capped at MaxDelay 3 s
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_gateway_status_on_a_GET_is_retried(int status)
    {
        await using LoopbackServer server = await Scripted(Status(status), Status(status));
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_not_retried_and_is_an_ApiServerException()
    {
        await using LoopbackServer server = await Scripted(Status(500, body: """{"errors":[{"message":"Boom"}]}"""));
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiServerException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(["Boom"], ex.ErrorMessages);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/pets/7", ex.Path);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_non_idempotent_request_is_never_sent_twice_by_default(string method)
    {
        await using LoopbackServer server = await Scripted(Status(503), Status(503));
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiServerException>(() =>
            transport.SendAsync(new HttpMethod(method), "/pets", new Pet(1, "a"), Pet.Write, Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_POST_is_retried_when_the_caller_opts_in_and_sends_the_same_body()
    {
        await using LoopbackServer server = await Scripted(Status(503));
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.Retry.RetryNonIdempotent = true);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Post, "/pets", new Pet(1, "a"), Pet.Write, Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(new Pet(7, "Rex"), response.Value);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"id":1,"name":"a"}""", r.BodyText));
    }

    private static async Task ResetMidBody(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 1000;
        await context.Response.WriteAsync("""{"id":7,"na""", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    [Fact]
    public async Task A_connection_reset_mid_body_on_a_GET_is_retried()
    {
        await using LoopbackServer server = await Scripted(ResetMidBody);
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(new Pet(7, "Rex"), response.Value);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_connection_reset_mid_body_on_a_POST_throws_ApiConnectionException_after_one_request()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(ResetMidBody);
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiConnectionException>(() =>
            transport.SendAsync(HttpMethod.Post, "/pets", new Pet(1, "a"), Pet.Write, Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Contains("POST /pets", ex.Message, StringComparison.Ordinal);
        Assert.Equal(("POST", "/pets", 1, (HttpStatusCode)0), (ex.Method, ex.Path, ex.Attempts, ex.StatusCode));
        Assert.True(ex.InnerException is HttpRequestException or IOException, ex.InnerException?.GetType().Name);
        Assert.DoesNotContain("secret-token", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_for_a_GET_then_thrown()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens on the port now

        using var http = new HttpClient();
        var logger = new ListLogger();
        var transport = new ApiTransport(http, new ApiClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            TimeProvider = new InstantTimeProvider(),
            Logger = logger,
        }, Unused);

        var ex = await Assert.ThrowsAsync<ApiConnectionException>(() => transport.SendAsync(HttpMethod.Get, "/pets", Ct).WaitAsync(Bound, Ct));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(3, ex.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);

        Assert.Equal(3, logger.Lines.Count(l => l.EventId == 1)); // three attempts sent
        Assert.Equal(2, logger.Lines.Count(l => l.EventId == 3)); // two retries
    }

    [Fact]
    public async Task A_truncated_JSON_body_is_an_ApiResponseFormatException_and_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":7,"name":"Re""");
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal("""{"id":7,"name":"Re""", ex.ResponseBody);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_malformed_JSON_body_is_an_ApiResponseFormatException_and_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":7,,"name":"Rex"}""");
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_with_a_wrong_content_type_is_refused_without_parsing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "<html><body>Login</body></html>", "text/html");
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() => transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(["the content type is text/html, not JSON"], ex.ErrorMessages);
        Assert.Null(ex.InnerException);
        Assert.Equal("<html><body>Login</body></html>", ex.ResponseBody);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_JSON_suffix_content_type_is_accepted()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, PetJson, "application/vnd.buddy+json; charset=utf-8");
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(new Pet(7, "Rex"), response.Value);
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_is_refused_before_reading()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 10_000_000;
            await context.Response.WriteAsync("[", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted); // the rest never comes: reading it would hang
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.MaxResponseBodySize = 1024);

        var ex = await Assert.ThrowsAsync<ApiResponseTooLargeException>(() => transport.SendAsync(HttpMethod.Get, "/big", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(10_000_000, ex.ContentLength);
        Assert.Equal(1024, ex.MaxSize);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_endless_chunked_body_is_refused_once_past_the_limit()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            byte[] chunk = new byte[8192];
            chunk.AsSpan().Fill((byte)' ');
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.MaxResponseBodySize = 64 * 1024);

        var ex = await Assert.ThrowsAsync<ApiResponseTooLargeException>(() => transport.SendAsync(HttpMethod.Get, "/endless", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Null(ex.ContentLength);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, PetJson);
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.MaxResponseBodySize = PetJson.Length);

        ApiResponse<Pet> response = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);

        Assert.Equal(new Pet(7, "Rex"), response.Value);
    }

    private static async Task Slow(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task A_response_slower_than_the_timeout_throws_ApiTimeoutException_after_the_retries()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Slow);
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Retry.MaxAttempts = 2;
        });

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.IsAssignableFrom<ApiException>(ex); // one catch covers every failure of a call
        Assert.Equal((HttpStatusCode)0, ex.StatusCode);
        Assert.Equal(("GET", "/slow"), (ex.Method, ex.Path));
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.Equal("GET /slow timed out after 300 ms (2 attempts).", ex.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_POST_that_times_out_is_sent_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Slow);
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() =>
            transport.SendAsync(HttpMethod.Post, "/pets", new Pet(1, "a"), Pet.Write, Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(1, ex.Attempts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_times_out_while_reading()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":""", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Slow(context);
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Retry = ApiRetryOptions.None;
        });

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/stall", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(1, ex.Attempts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_timer_kept_between_calls_is_stopped_after_each_call_and_still_fires_when_one_is_slow()
    {
        // The transport keeps an attempt's timer source for the next one (TryReset). Quick calls spread over more
        // than the timeout must not be cut short by a timer left running; a slow call must still time out; and the
        // source its timer canceled must not be kept (the call after it would fail at once).
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/slow" ? Slow(context) : Ok(context));
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Retry = ApiRetryOptions.None;
        });

        for (int i = 0; i < 3; i++)
        {
            ApiResponse<Pet> quick = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);
            Assert.Equal(new Pet(7, "Rex"), quick.Value);
            await Task.Delay(400, Ct); // longer than the timeout: a timer left running would fire in here
        }

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, Ct).WaitAsync(Bound, Ct));
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);

        ApiResponse<Pet> after = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);
        Assert.Equal(new Pet(7, "Rex"), after.Value);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task A_caller_token_canceled_after_its_call_does_not_cancel_the_next_call()
    {
        // The caller's token is linked to the attempt's timer source by a registration that must end with the call,
        // because the source is kept for the next call.
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/slow")
            {
                await Task.Delay(400, context.RequestAborted);
            }

            await Ok(context);
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.Retry = ApiRetryOptions.None);
        using var first = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        ApiResponse<Pet> done = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, first.Token).WaitAsync(Bound, Ct);
        Assert.Equal(new Pet(7, "Rex"), done.Value);

        Task<ApiResponse<Pet>> next = transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, Ct);
        await WaitUntil(() => server.Requests.Count == 2);
        await first.CancelAsync();

        ApiResponse<Pet> answered = await next.WaitAsync(Bound, Ct);
        Assert.Equal(new Pet(7, "Rex"), answered.Value);
    }

    [Fact]
    public async Task A_call_canceled_by_its_caller_reports_the_callers_token_and_the_next_call_succeeds()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/slow")
            {
                reached.TrySetResult();
                return Slow(context);
            }

            return Ok(context);
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.Retry = ApiRetryOptions.None);
        await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct); // leaves a source to reuse
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<ApiResponse<Pet>> call = transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, caller.Token);
        await reached.Task.WaitAsync(Bound, Ct);
        await caller.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Bound, Ct));
        Assert.Equal(caller.Token, ex.CancellationToken);

        ApiResponse<Pet> after = await transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, Ct).WaitAsync(Bound, Ct);
        Assert.Equal(new Pet(7, "Rex"), after.Value);
    }

    [Fact]
    public async Task HttpClient_Timeout_also_becomes_ApiTimeoutException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Slow);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        ApiTransport transport = Transport(http, server, o => o.Retry = ApiRetryOptions.None);

        var ex = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.SendAsync(HttpMethod.Get, "/slow", Pet.Read, Ct).WaitAsync(Bound, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        // At most one: on a loaded machine the 300 ms can run out before the server has seen the request.
        Assert.InRange(server.Requests.Count, 0, 1);
    }

    [Fact]
    public async Task A_caller_that_cancels_during_the_back_off_gets_OperationCanceledException_and_no_second_request()
    {
        await using LoopbackServer server = await Scripted(Status(503, "Retry-After", "20"));
        using var http = new HttpClient();
        var logger = new ListLogger();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address, Logger = logger }, Unused); // real clock
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<ApiResponse<Pet>> call = transport.SendAsync(HttpMethod.Get, "/pets/7", Pet.Read, cts.Token);
        await WaitUntil(() => logger.Lines.Any(l => l.EventId == 3));
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Bound, Ct));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_caller_that_cancels_while_the_body_is_read_gets_OperationCanceledException_not_a_timeout()
    {
        var headersSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            headersSent.TrySetResult();
            await Slow(context);
        });
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        Task<ApiResponse<Pet>> call = transport.SendAsync(HttpMethod.Get, "/stall", Pet.Read, cts.Token);
        await headersSent.Task.WaitAsync(Bound, Ct);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Bound, Ct));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400, typeof(ApiBadRequestException))]
    [InlineData(401, typeof(ApiUnauthorizedException))]
    [InlineData(403, typeof(ApiForbiddenException))]
    [InlineData(404, typeof(ApiNotFoundException))]
    [InlineData(409, typeof(ApiConflictException))]
    [InlineData(429, typeof(ApiRateLimitException))]
    [InlineData(500, typeof(ApiServerException))]
    [InlineData(501, typeof(ApiServerException))]
    [InlineData(418, typeof(ApiException))]
    public async Task Each_common_status_has_its_own_exception_type(int status, Type expected)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(status, """{"errors":[{"message":"No"}]}""");
        using var http = new HttpClient();
        ApiTransport transport = Transport(http, server, o => o.Retry = ApiRetryOptions.None);

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => transport.SendAsync(HttpMethod.Get, "/x", Ct).WaitAsync(Bound, Ct));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal(["No"], ex.ErrorMessages);
        Assert.Equal(1, ex.Attempts);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Bound);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
