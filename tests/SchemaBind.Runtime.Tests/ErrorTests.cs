using System.Net;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class ErrorTests
{
    private static readonly Uri Unused = new("https://default.invalid/");

    private static ApiTransport TransportFor(LoopbackServer server, HttpClient http)
        => new(http, new ApiClientOptions { BaseAddress = server.At("/api"), AccessToken = "t0ken" }, Unused);

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    public async Task A_buddy_error_body_becomes_an_ApiException(int status, string reason)
    {
        const string body = """{"errors":[{"message":"Pipeline name is required"},{"message":" Ref is invalid "}]}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(status, body);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(
            HttpMethod.Post, "/workspaces/a/projects/b/pipelines/1/actions?dry=true", new Pet(1, "p"), Pet.Write, Pet.Read, Ct));

        Assert.IsNotType<ApiResponseFormatException>(ex);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/workspaces/a/projects/b/pipelines/1/actions", ex.Path);
        Assert.Equal(["Pipeline name is required", "Ref is invalid"], ex.ErrorMessages);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal(
            $"POST /workspaces/a/projects/b/pipelines/1/actions returned {status} ({reason}): Pipeline name is required; Ref is invalid",
            ex.Message);
    }

    [Fact]
    public async Task Problem_details_give_title_and_detail()
    {
        const string body = """{"type":"about:blank","title":"Conflict","status":409,"detail":"Pipeline 1 is already running."}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(409, body, "application/problem+json");
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Post, "/run", Ct));

        Assert.Equal(["Conflict: Pipeline 1 is already running."], ex.ErrorMessages);
        Assert.Equal("POST /run returned 409 (Conflict): Conflict: Pipeline 1 is already running.", ex.Message);
    }

    [Fact]
    public async Task Validation_problem_details_list_the_field_errors()
    {
        const string body = """{"title":"One or more validation errors occurred.","status":400,"errors":{"name":["The name is required."],"ref":["Too long.","Bad chars."]}}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(400, body, "application/problem+json");
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Get, "/x", Ct));

        Assert.Equal(
            ["One or more validation errors occurred.", "name: The name is required.", "ref: Too long.", "ref: Bad chars."],
            ex.ErrorMessages);
    }

    [Theory]
    [InlineData("  Upstream exploded\n", "text/plain", "Upstream exploded")]
    [InlineData("{\"unexpected\":true}", "application/json", "{\"unexpected\":true}")]
    [InlineData("{not json", "application/json", "{not json")]
    public async Task Other_bodies_become_one_raw_message(string body, string contentType, string expected)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(502, body, contentType);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Get, "/x", Ct));

        Assert.Equal([expected], ex.ErrorMessages);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal($"GET /x returned 502 (Bad Gateway): {expected}", ex.Message);
    }

    [Fact]
    public async Task A_long_body_is_truncated_in_the_message_and_in_ResponseBody()
    {
        string body = new string('a', 3000) + new string('b', 7000);
        await using LoopbackServer server = await LoopbackServer.StartAsync(500, body, "text/plain");
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Get, "/x", Ct));

        string message = Assert.Single(ex.ErrorMessages);
        Assert.InRange(message.Length, 900, 1001);
        Assert.StartsWith("aaaa", message, StringComparison.Ordinal);
        Assert.Equal(4096, ex.ResponseBody!.Length);
        Assert.Equal(body[..4096], ex.ResponseBody);
        Assert.True(ex.Message.Length < 1100, $"Message is {ex.Message.Length} chars long.");
    }

    [Fact]
    public async Task An_empty_error_body_gives_no_messages()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Delete, "/pets/9?force=1", Ct));

        Assert.Empty(ex.ErrorMessages);
        Assert.Null(ex.ResponseBody);
        Assert.Equal("DELETE /pets/9 returned 404 (Not Found)", ex.Message);
    }

    [Fact]
    public async Task An_error_carries_the_rate_limit_figures()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Rate-Limit-Limit"] = "60",
            ["X-Rate-Limit-Remaining"] = "0",
            ["X-Rate-Limit-Reset"] = "1700000060",
        };
        await using LoopbackServer server = await LoopbackServer.StartAsync(429, """{"errors":[{"message":"Slow down"}]}""", headers: headers);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(HttpMethod.Get, "/x", Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(new RateLimitInfo(60, 0, DateTimeOffset.FromUnixTimeSeconds(1_700_000_060)), ex.RateLimit);
        Assert.Equal("GET /x returned 429 (Too Many Requests): Slow down", ex.Message);
    }

    [Fact]
    public async Task A_post_that_gets_503_is_sent_exactly_once()
    {
        int hits = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref hits);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("""{"errors":[{"message":"Try later"}]}""", context.RequestAborted);
        });
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => TransportFor(server, http).SendAsync(
            HttpMethod.Post, "/pipelines/1/run", new Pet(1, "p"), Pet.Write, Pet.Read, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, Volatile.Read(ref hits));
        Assert.Single(server.Requests);
    }
}
