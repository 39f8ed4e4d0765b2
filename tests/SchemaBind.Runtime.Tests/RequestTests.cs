using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class RequestTests
{
    private static readonly Uri Unused = new("https://default.invalid/");

    [Fact]
    public async Task Post_sends_the_written_json_to_the_path_under_a_base_address_with_a_path()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"id":1,"name":"x"}""");
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.At("/api") }, Unused);
        var pet = new Pet(42, "Rex \"the\" dög");

        await transport.SendAsync(HttpMethod.Post, "/workspaces/my%20ws/projects?page=2&q=a%2Fb", pet, Pet.Write, Pet.Read, Ct);

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/workspaces/my%20ws/projects?page=2&q=a%2Fb", request.RawTarget);
        Assert.Equal(pet.ToJson(), request.BodyText);
        Assert.Equal(pet, ReadPet(request.Body));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    [Theory]
    [InlineData("", "/x/y%3F?a=1")]
    [InlineData("/", "/x/y%3F?a=1")]
    [InlineData("/api", "/api/x/y%3F?a=1")]
    [InlineData("/api/", "/api/x/y%3F?a=1")]
    [InlineData("/a/b/", "/a/b/x/y%3F?a=1")]
    public async Task Path_is_appended_to_the_base_path_without_a_double_slash(string basePath, string expectedTarget)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.At(basePath) }, Unused);

        await transport.SendAsync(HttpMethod.Get, "/x/y%3F?a=1", Ct);

        Assert.Equal(expectedTarget, server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task HttpClient_base_address_is_used_when_options_have_none()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient { BaseAddress = server.At("/v2/") };
        var transport = new ApiTransport(http, new ApiClientOptions(), Unused);

        await transport.SendAsync(HttpMethod.Delete, "/items/1", Ct);

        Assert.Equal("DELETE", server.SingleRequest.Method);
        Assert.Equal("/v2/items/1", server.SingleRequest.RawTarget);
    }

    [Fact]
    public void Base_address_prefers_options_then_HttpClient_then_the_default()
    {
        var fromOptions = new Uri("https://options.example/api");
        var fromClient = new Uri("https://client.example/");
        var fromSchema = new Uri("https://schema.example/");
        using var withBase = new HttpClient { BaseAddress = fromClient };
        using var withoutBase = new HttpClient();

        Assert.Equal(fromOptions, new ApiTransport(withBase, new ApiClientOptions { BaseAddress = fromOptions }, fromSchema).BaseAddress);
        Assert.Equal(fromClient, new ApiTransport(withBase, new ApiClientOptions(), fromSchema).BaseAddress);
        Assert.Equal(fromClient, new ApiTransport(withBase, null, fromSchema).BaseAddress);
        Assert.Equal(fromSchema, new ApiTransport(withoutBase, null, fromSchema).BaseAddress);
    }

    [Fact]
    public void A_relative_base_address_is_rejected()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new ApiTransport(http, null, new Uri("/api", UriKind.Relative)));
    }

    [Fact]
    public async Task A_path_without_a_leading_slash_is_rejected()
    {
        using var http = new HttpClient();
        var transport = new ApiTransport(http, null, Unused);
        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(HttpMethod.Get, "items", Ct));
    }

    [Fact]
    public async Task Access_token_is_sent_as_a_bearer_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address, AccessToken = "tok-123.abc" }, Unused);

        await transport.SendAsync(HttpMethod.Get, "/me", Ct);

        Assert.Equal("Bearer tok-123.abc", server.SingleRequest.Header("Authorization"));
    }

    [Fact]
    public async Task Token_provider_is_called_for_every_request_and_wins_over_the_access_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        int calls = 0;
        var options = new ApiClientOptions
        {
            BaseAddress = server.Address,
            AccessToken = "static-token",
            AccessTokenProvider = _ => ValueTask.FromResult<string?>($"fresh-{Interlocked.Increment(ref calls)}"),
        };
        var transport = new ApiTransport(http, options, Unused);

        await transport.SendAsync(HttpMethod.Get, "/a", Ct);
        await transport.SendAsync(HttpMethod.Get, "/b", Ct);

        Assert.Equal(2, calls);
        Assert.Equal(["Bearer fresh-1", "Bearer fresh-2"], server.Requests.Select(r => r.Header("Authorization")));
    }

    public static TheoryData<string, ApiClientOptions?> NoTokenCases => new()
    {
        { "no options", null },
        { "no token", new ApiClientOptions() },
        { "empty token", new ApiClientOptions { AccessToken = "" } },
        { "provider returns null", new ApiClientOptions { AccessToken = "ignored", AccessTokenProvider = _ => ValueTask.FromResult<string?>(null) } },
    };

    [Theory]
    [MemberData(nameof(NoTokenCases))]
    public async Task Without_a_token_no_authorization_header_is_sent(string description, ApiClientOptions? options)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient { BaseAddress = server.Address };
        var transport = new ApiTransport(http, options, Unused);

        await transport.SendAsync(HttpMethod.Get, "/public", Ct);

        Assert.True(server.SingleRequest.Header("Authorization") is null, description);
    }

    [Fact]
    public async Task A_request_without_a_body_sends_no_content()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address }, Unused);

        ApiResponse response = await transport.SendAsync(HttpMethod.Delete, "/pets/1", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(server.SingleRequest.Body);
        Assert.Null(server.SingleRequest.Header("Content-Type"));
    }

    [Fact]
    public async Task A_body_can_be_sent_without_reading_a_response_body()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, "ignored, not JSON", "text/plain");
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address }, Unused);
        var pet = new Pet(7, "Tom");

        ApiResponse response = await transport.SendAsync(HttpMethod.Put, "/pets/7", pet, Pet.Write, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("PUT", server.SingleRequest.Method);
        Assert.Equal(pet.ToJson(), server.SingleRequest.BodyText);
    }

    [Fact]
    public async Task A_body_writer_that_leaves_the_value_open_is_rejected_before_sending()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var transport = new ApiTransport(http, new ApiClientOptions { BaseAddress = server.Address }, Unused);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            transport.SendAsync(HttpMethod.Post, "/pets", 1, (w, _) => w.WriteStartObject(), Ct));

        Assert.Empty(server.Requests);
    }

    private static Pet ReadPet(byte[] json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        return Pet.Read(ref reader);
    }
}
