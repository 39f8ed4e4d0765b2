using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class SecurityAndLoggingTests
{
    private static readonly Uri Unused = new("https://default.invalid/");

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://10.0.0.5:8080/api")]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused(string address)
    {
        using var http = new HttpClient();

        var ex = Assert.Throws<ArgumentException>(() => new ApiTransport(http, new ApiClientOptions { BaseAddress = new Uri(address), AccessToken = "tok" }, Unused));

        Assert.Contains("AllowInsecureHttp", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok", ex.Message.Replace("token", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_in_HttpClient_BaseAddress_is_refused_too()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://api.example.com/") };

        Assert.Throws<ArgumentException>(() => new ApiTransport(http, null, Unused));
    }

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://api.example.com")]
    public void Loopback_http_and_https_are_allowed(string address)
    {
        using var http = new HttpClient();

        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = new Uri(address) }, Unused);

        Assert.Equal(new Uri(address), transport.BaseAddress);
    }

    [Fact]
    public void AllowInsecureHttp_opts_in_to_plain_http()
    {
        using var http = new HttpClient();

        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = new Uri("http://api.example.com"), AllowInsecureHttp = true }, Unused);

        Assert.Equal("http", transport.BaseAddress.Scheme);
    }

    [Fact]
    public async Task Logs_request_response_and_retry_without_token_query_or_body()
    {
        const string Token = "tok-SECRET-123";
        int count = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":1,"name":"body-value"}""", context.RequestAborted);
        });
        using var http = new HttpClient();
        var logger = new ListLogger();
        var transport = new ApiTransport(http, new ApiClientOptions
        {
            BaseAddress = server.Address,
            AccessToken = Token,
            Logger = logger,
            TimeProvider = new InstantTimeProvider(),
        }, Unused);

        await transport.SendAsync(HttpMethod.Get, "/pets/1?api_key=QUERY-SECRET", Pet.Read, Ct);

        var lines = logger.Lines;
        Assert.Equal(
            [
                (LogLevel.Debug, 1, "Sending GET /pets/1 (attempt 1)"),
                (LogLevel.Warning, 3, "Retrying GET /pets/1 in {delay} ms after status 503 (attempt 1 of 3 failed)"),
                (LogLevel.Debug, 1, "Sending GET /pets/1 (attempt 2)"),
            ],
            lines.Where(l => l.EventId != 2).Select(l => (l.Level, l.EventId, System.Text.RegularExpressions.Regex.Replace(l.Text, @"in [0-9.]+ ms", "in {delay} ms"))));
        Assert.Equal(2, lines.Count(l => l.EventId == 2 && l.Level == LogLevel.Information));
        Assert.Contains(lines, l => l.Text.StartsWith("GET /pets/1 answered 200 in ", StringComparison.Ordinal));
        Assert.All(lines, l =>
        {
            Assert.DoesNotContain(Token, l.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("QUERY-SECRET", l.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("body-value", l.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_failure_is_logged_without_the_token()
    {
        const string Token = "tok-SECRET-456";
        await using LoopbackServer server = await LoopbackServer.StartAsync(401, """{"errors":[{"message":"bad token tok-SECRET-456"}]}""");
        using var http = new HttpClient();
        var logger = new ListLogger();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address, AccessToken = Token, Logger = logger }, Unused);

        var ex = await Assert.ThrowsAsync<ApiUnauthorizedException>(() => transport.SendAsync(HttpMethod.Get, "/me", Ct));

        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(logger.Lines, l => l.EventId == 4 && l.Text == "GET /me failed after 1 attempt(s): status 401");
        Assert.All(logger.Lines, l => Assert.DoesNotContain(Token, l.Text, StringComparison.Ordinal));
    }
}
