using System.Collections.Concurrent;
using System.Text;
using EndToEnd.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// OAuth 2.0 and OpenID Connect (Schemas/oauth2.openapi.json) against a real Kestrel server on loopback that is both
/// the token endpoint and the API: the client credentials grant with its token kept and refreshed before expiry, one
/// token request for concurrent callers, the token-provider hook, and the document's alternatives and anonymous access.
/// </summary>
public sealed class OAuth2Tests
{
    private const string ClientId = "reports-app";
    private const string ClientSecret = "s3cr3t+/=";

    private sealed class Endpoint
    {
        public ConcurrentQueue<(string Authorization, string Body)> TokenRequests { get; } = new();

        public ConcurrentQueue<(string Path, string? Authorization, string? Key)> Calls { get; } = new();

        public int ExpiresIn { get; set; } = 3600;

        public TaskCompletionSource? HoldTokens { get; set; }

        public string? Failure { get; set; }
    }

    private static async Task<(HandlerServer Server, Endpoint Endpoint)> StartAsync()
    {
        var endpoint = new Endpoint();
        HandlerServer server = await HandlerServer.StartAsync(async (context, request, _) =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                endpoint.TokenRequests.Enqueue((context.Request.Headers.Authorization.ToString(), Encoding.UTF8.GetString(request.Body)));
                if (endpoint.HoldTokens is { } hold)
                {
                    await hold.Task;
                }

                if (endpoint.Failure is { } failure)
                {
                    await HandlerServer.Json(context, 401, failure);
                    return;
                }

                await HandlerServer.Json(context, 200, $$"""{"access_token":"tok-{{endpoint.TokenRequests.Count}}","token_type":"Bearer","expires_in":{{endpoint.ExpiresIn}}}""");
                return;
            }

            endpoint.Calls.Enqueue((context.Request.Path.Value!, request.Authorization, context.Request.Headers["X-Key"].FirstOrDefault()));
            context.Response.StatusCode = 204;
        });
        return (server, endpoint);
    }

    private static ReportsClient Client(HandlerServer server, HttpClient http, ApiClientOptions options)
    {
        options.BaseAddress = server.BaseAddress;
        options.Retry = ApiRetryOptions.None;
        return new ReportsClient(http, options);
    }

    private static OAuth2ClientCredentials Credentials() => new() { ClientId = ClientId, ClientSecret = ClientSecret };

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Client_credentials_ask_the_token_endpoint_once_and_send_the_token_as_bearer()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            ReportsClient client = Client(server, http, new ApiClientOptions { OAuth2ClientCredentials = Credentials() });
            await client.ListReportsAsync();
            await client.ListReportsAsync();

            (string authorization, string body) = Assert.Single(endpoint.TokenRequests);
            // RFC 6749 2.3.1: id and secret form-encoded, then joined and base64-encoded.
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reports-app:s3cr3t%2B%2F%3D")), authorization);
            Assert.Equal("grant_type=client_credentials&scope=reports%3Aread", body);
            Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-1" }, endpoint.Calls.Select(static c => c.Authorization).ToArray());
        }
    }

    [Fact]
    public async Task Clients_resolved_from_the_container_share_the_token_of_their_registration()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            var services = new ServiceCollection();
            services.AddReportsClient(options =>
            {
                options.BaseAddress = server.BaseAddress;
                options.OAuth2ClientCredentials = Credentials();
            });
            await using ServiceProvider provider = services.BuildServiceProvider();

            // Typed clients are transient: each call here gets a new client and a new HttpClient.
            await provider.GetRequiredService<ReportsClient>().ListReportsAsync();
            await provider.GetRequiredService<ReportsClient>().ListReportsAsync();

            Assert.Single(endpoint.TokenRequests);
            Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-1" }, endpoint.Calls.Select(static c => c.Authorization).ToArray());
        }
    }

    [Fact]
    public async Task A_token_is_refreshed_before_it_expires()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            endpoint.ExpiresIn = 300;
            var clock = new SettableClock();
            using var http = new HttpClient();
            ReportsClient client = Client(server, http, new ApiClientOptions { OAuth2ClientCredentials = Credentials(), TimeProvider = clock });
            await client.ListReportsAsync();
            clock.Now += TimeSpan.FromSeconds(239); // 61 s left: still kept
            await client.ListReportsAsync();
            clock.Now += TimeSpan.FromSeconds(2); // 59 s left: within RefreshBeforeExpiry (60 s), replaced
            await client.ListReportsAsync();

            Assert.Equal(2, endpoint.TokenRequests.Count);
            Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-1", "Bearer tok-2" }, endpoint.Calls.Select(static c => c.Authorization).ToArray());
        }
    }

    [Fact]
    public async Task Concurrent_callers_wait_for_one_token_request()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            endpoint.HoldTokens = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var http = new HttpClient();
            var options = new ApiClientOptions { OAuth2ClientCredentials = Credentials() };
            Task[] calls = Enumerable.Range(0, 16).Select(_ => Client(server, http, options).ListReportsAsync()).ToArray();
            while (endpoint.TokenRequests.IsEmpty)
            {
                await Task.Delay(10);
            }

            endpoint.HoldTokens.SetResult();
            await Task.WhenAll(calls);

            Assert.Single(endpoint.TokenRequests);
            Assert.All(endpoint.Calls, static c => Assert.Equal("Bearer tok-1", c.Authorization));
            Assert.Equal(16, endpoint.Calls.Count);
        }
    }

    [Fact]
    public async Task The_token_provider_serves_OpenID_Connect_and_wins_over_client_credentials()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            var options = new ApiClientOptions
            {
                OAuth2ClientCredentials = Credentials(),
                AccessTokenProvider = static _ => ValueTask.FromResult<string?>("from-provider"),
            };
            ReportsClient client = Client(server, http, options);
            await client.GetMeAsync();
            await client.ListReportsAsync();

            Assert.Empty(endpoint.TokenRequests);
            Assert.Equal(new[] { "Bearer from-provider", "Bearer from-provider" }, endpoint.Calls.Select(static c => c.Authorization).ToArray());
        }
    }

    [Fact]
    public async Task Alternatives_take_the_first_the_options_can_meet_and_anonymous_access_sends_nothing()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = "k-1", OAuth2ClientCredentials = Credentials() }).PutReportAsync(1);
            await Client(server, http, new ApiClientOptions { OAuth2ClientCredentials = Credentials() }).PutReportAsync(2);
            await Client(server, http, new ApiClientOptions()).GetPublicAsync();
            await Client(server, http, new ApiClientOptions()).GetMeAsync();

            (string Path, string? Authorization, string? Key)[] calls = endpoint.Calls.ToArray();
            Assert.Equal(("/reports/1", (string?)null, (string?)"k-1"), calls[0]);
            Assert.Equal(("/reports/2", (string?)"Bearer tok-1", (string?)null), calls[1]);
            Assert.Equal(("/public", (string?)null, (string?)null), calls[2]);
            Assert.Equal(("/me", (string?)null, (string?)null), calls[3]);
            Assert.Equal("grant_type=client_credentials&scope=reports%3Awrite+reports%3Aread", Assert.Single(endpoint.TokenRequests).Body);
        }
    }

    [Fact]
    public async Task A_refused_token_request_names_the_OAuth_error_and_never_the_secret()
    {
        (HandlerServer server, Endpoint endpoint) = await StartAsync();
        await using (server)
        {
            endpoint.Failure = """{"error":"invalid_client","error_description":"secret s3cr3t+/= is wrong"}""";
            using var http = new HttpClient();
            var options = new ApiClientOptions { OAuth2ClientCredentials = Credentials() };
            ApiException error = await Assert.ThrowsAnyAsync<ApiException>(() => Client(server, http, options).ListReportsAsync());

            Assert.Contains("401", error.Message, StringComparison.Ordinal);
            Assert.Contains("(invalid_client)", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
            Assert.Empty(endpoint.Calls);
            Assert.DoesNotContain("s3cr3t", options.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", options.OAuth2ClientCredentials!.ToString(), StringComparison.Ordinal);
            Assert.Contains("reports-app:***", options.ToString(), StringComparison.Ordinal);
        }
    }
}
