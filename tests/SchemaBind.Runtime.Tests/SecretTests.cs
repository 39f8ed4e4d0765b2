using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class SecretTests
{
    private const string Secret = "sk_live_S3CRET-token.value";
    private static readonly Uri Unused = new("https://default.invalid/");

    /// <summary>A server that echoes the Authorization header back in the body, as careless servers do.</summary>
    private static Task<LoopbackServer> EchoingServer(int status) => LoopbackServer.StartAsync(async context =>
    {
        context.Response.StatusCode = status;
        string auth = context.Request.Headers.Authorization.ToString();
        await context.Response.WriteAsync($$"""{"errors":[{"message":"Token rejected: {{auth}}"}]}""", context.RequestAborted);
    });

    public static TheoryData<bool> ProviderOrNot => [false, true];

    [Theory]
    [MemberData(nameof(ProviderOrNot))]
    public async Task The_token_never_appears_in_an_ApiException(bool useProvider)
    {
        await using LoopbackServer server = await EchoingServer(401);
        using var http = new HttpClient();
        var options = new ApiClientOptions { BaseAddress = server.Address };
        if (useProvider)
        {
            options.AccessTokenProvider = _ => ValueTask.FromResult<string?>(Secret);
        }
        else
        {
            options.AccessToken = Secret;
        }

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() =>
            new ApiTransport(http, options, Unused).SendAsync(HttpMethod.Get, "/me", Ct));

        Assert.Equal($"Bearer {Secret}", server.SingleRequest.Header("Authorization"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("GET /me returned 401 (Unauthorized): Token rejected: Bearer ***", ex.Message);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ResponseBody!, StringComparison.Ordinal);
        Assert.All(ex.ErrorMessages, m => Assert.DoesNotContain(Secret, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_never_appears_in_an_ApiResponseFormatException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            string auth = context.Request.Headers.Authorization.ToString();
            await context.Response.WriteAsync($"not json {auth}", context.RequestAborted);
        });
        using var http = new HttpClient();
        var options = new ApiClientOptions { BaseAddress = server.Address, AccessToken = Secret };

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            new ApiTransport(http, options, Unused).SendAsync(HttpMethod.Get, "/me", Pet.Read, Ct));

        Assert.Equal("not json Bearer ***", ex.ResponseBody);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_with_a_line_break_is_refused_without_echoing_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var options = new ApiClientOptions { BaseAddress = server.Address, AccessToken = Secret + "\r\nX-Injected: 1" };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ApiTransport(http, options, Unused).SendAsync(HttpMethod.Get, "/me", Ct));

        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_token_changed_to_one_with_a_line_break_after_good_calls_is_refused()
    {
        // The transport remembers the last token it checked; a new token, even one that starts the same, is checked again.
        await using LoopbackServer server = await LoopbackServer.StartAsync(204);
        using var http = new HttpClient();
        var options = new ApiClientOptions { BaseAddress = server.Address, AccessToken = Secret };
        var transport = new ApiTransport(http, options, Unused);
        await transport.SendAsync(HttpMethod.Get, "/me", Ct);
        await transport.SendAsync(HttpMethod.Get, "/me", Ct);

        options.AccessToken = Secret + "\r\nX-Injected: 1";
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.SendAsync(HttpMethod.Get, "/me", Ct));

        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Secret, r.Header("Authorization")));
    }

    [Fact]
    public void Options_ToString_masks_the_token()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("https://api.example.com/v1"), AccessToken = Secret };

        string text = options.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Equal("ApiClientOptions { BaseAddress = https://api.example.com/v1, AccessToken = ***, AccessTokenProvider = (none), ApiKey = (none), ApiKeys = (none), Basic = (none), OAuth2ClientCredentials = (none) }", text);
    }

    [Fact]
    public void Options_ToString_says_none_without_a_token()
    {
        Assert.Equal(
            "ApiClientOptions { BaseAddress = (default), AccessToken = (none), AccessTokenProvider = (none), ApiKey = (none), ApiKeys = (none), Basic = (none), OAuth2ClientCredentials = (none) }",
            new ApiClientOptions().ToString());
        Assert.Equal(
            "ApiClientOptions { BaseAddress = (default), AccessToken = (none), AccessTokenProvider = (set), ApiKey = (none), ApiKeys = (none), Basic = (none), OAuth2ClientCredentials = (none) }",
            new ApiClientOptions { AccessTokenProvider = _ => ValueTask.FromResult<string?>(Secret) }.ToString());
    }

    [Fact]
    public void Options_ToString_hides_credentials_in_the_base_address()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("https://user:pa55word@api.example.com/v1?api_key=k3y") };

        string text = options.ToString();

        Assert.DoesNotContain("pa55word", text, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", text, StringComparison.Ordinal);
        Assert.Contains("BaseAddress = https://api.example.com/v1,", text, StringComparison.Ordinal);
    }
}
