using System.Collections.Concurrent;
using System.Text;
using EndToEnd.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// API key (header, query, cookie) and HTTP basic security schemes applied per operation (Schemas/security.openapi.json),
/// against a real Kestrel server on loopback that records what it receives.
/// </summary>
public sealed class SecurityTests
{
    private const string Key = "k3y+/=secret";
    private const string Password = "pä ss:wörd";

    private static async Task<(HandlerServer Server, ConcurrentQueue<IHeaderDictionary> Headers)> StartAsync(int status = 200, bool echo = false)
    {
        var headers = new ConcurrentQueue<IHeaderDictionary>();
        HandlerServer server = await HandlerServer.StartAsync(async (context, request, _) =>
        {
            headers.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value, StringComparer.OrdinalIgnoreCase)));
            string body = echo
                ? System.Text.Json.JsonSerializer.Serialize(new
                {
                    message = "bad credentials: " + context.Request.Headers["X-Api-Key"] + " " + context.Request.Headers.Authorization + " " + context.Request.Headers.Cookie + " " + request.RawTarget,
                    name = "x",
                })
                : """{"name":"ok"}""";
            await HandlerServer.Json(context, status, body);
        });
        return (server, headers);
    }

    private static SecureClient Client(HandlerServer server, HttpClient http, ApiClientOptions options)
    {
        options.BaseAddress = server.BaseAddress;
        options.Retry = ApiRetryOptions.None;
        return new SecureClient(http, options);
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_RFC_7617_UTF8()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { BasicUserName = "Aladdin", BasicPassword = Password, ApiKey = Key }).GetWithBasicAsync();

            IHeaderDictionary received = Assert.Single(headers);
            string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("Aladdin:" + Password));
            Assert.Equal(expected, received.Authorization.ToString());
            Assert.False(received.ContainsKey("X-Api-Key"));
        }
    }

    [Fact]
    public async Task Basic_credentials_of_the_RFC_example_encode_exactly()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { BasicUserName = "Aladdin", BasicPassword = "open sesame" }).GetWithBasicAsync();

            // RFC 7617 section 2.
            Assert.Equal("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", Assert.Single(headers).Authorization.ToString());
        }
    }

    [Fact]
    public async Task The_document_security_puts_the_key_in_its_header()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = Key, AccessToken = "tok" }).GetWithDocumentSecurityAsync();

            IHeaderDictionary received = Assert.Single(headers);
            Assert.Equal(Key, received["X-Api-Key"].ToString());
            Assert.False(received.ContainsKey("Authorization"), "the bearer token was sent to an API key operation");
        }
    }

    [Fact]
    public async Task A_key_by_scheme_name_wins_over_the_default_key()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            var options = new ApiClientOptions { ApiKey = "default" };
            options.ApiKeys["headerKey"] = "own";
            await Client(server, http, options).GetWithDocumentSecurityAsync();

            Assert.Equal("own", Assert.Single(headers)["X-Api-Key"].ToString());
        }
    }

    [Fact]
    public async Task The_key_goes_in_the_query_after_the_parameters()
    {
        (HandlerServer server, _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = Key }).GetWithQueryKeyAsync(q: "a b");

            Assert.Equal("/query?q=a%20b&api_key=k3y%2B%2F%3Dsecret", Assert.Single(server.Received).RawTarget);
        }
    }

    [Fact]
    public async Task The_key_goes_in_the_cookie_after_the_cookie_parameters()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = Key }).GetWithCookieKeyAsync(tenant: "acme");

            Assert.Equal("tenant=acme; session=k3y%2B%2F%3Dsecret", Assert.Single(headers)["Cookie"].ToString());
        }
    }

    [Fact]
    public async Task An_operation_with_empty_security_sends_no_credentials()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = Key, BasicUserName = "u", BasicPassword = Password }).GetAnonymousAsync();

            IHeaderDictionary received = Assert.Single(headers);
            Assert.False(received.ContainsKey("X-Api-Key"));
            Assert.False(received.ContainsKey("Authorization"));
            Assert.Equal("/open", Assert.Single(server.Received).RawTarget);
        }
    }

    [Theory]
    [InlineData(true, true, "key")]
    [InlineData(false, true, "basic")]
    [InlineData(false, false, "none")]
    public async Task The_first_alternative_with_credentials_is_used(bool hasKey, bool hasBasic, string expected)
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            var options = new ApiClientOptions { ApiKey = hasKey ? Key : null, BasicUserName = hasBasic ? "u" : null, BasicPassword = "p" };
            await Client(server, http, options).GetWithEitherAsync();

            IHeaderDictionary received = Assert.Single(headers);
            string sent = received.ContainsKey("X-Api-Key") ? "key" : received.ContainsKey("Authorization") ? "basic" : "none";
            Assert.Equal(expected, sent);
            Assert.False(received.ContainsKey("X-Api-Key") && received.ContainsKey("Authorization"), "two alternatives were applied");
        }
    }

    [Fact]
    public async Task An_alternative_with_two_schemes_applies_both()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { ApiKey = Key, BasicUserName = "u", BasicPassword = "p" }).PostWithKeyAndBasicAsync(new Item { Name = "n" });

            IHeaderDictionary received = Assert.Single(headers);
            Assert.Equal(Key, received["X-Api-Key"].ToString());
            Assert.Equal("Basic dTpw", received.Authorization.ToString());
        }
    }

    [Fact]
    public async Task A_bearer_operation_still_sends_the_access_token()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http, new ApiClientOptions { AccessToken = "tok", ApiKey = Key }).GetWithBearerAsync();

            IHeaderDictionary received = Assert.Single(headers);
            Assert.Equal("Bearer tok", received.Authorization.ToString());
            Assert.False(received.ContainsKey("X-Api-Key"));
        }
    }

    [Fact]
    public async Task Keys_and_passwords_never_appear_in_errors_logs_or_ToString()
    {
        (HandlerServer server, _) = await StartAsync(status: 401, echo: true);
        await using (server)
        {
            using var http = new HttpClient();
            var logger = new CapturingLogger();
            var options = new ApiClientOptions { ApiKey = Key, BasicUserName = "Aladdin", BasicPassword = Password, Logger = logger };
            options.ApiKeys["queryKey"] = "q-key-secret";
            SecureClient client = Client(server, http, options);
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("Aladdin:" + Password));

            var errors = new List<ApiException>
            {
                await Assert.ThrowsAnyAsync<ApiException>(() => client.GetWithDocumentSecurityAsync()),
                await Assert.ThrowsAnyAsync<ApiException>(() => client.GetWithBasicAsync()),
                await Assert.ThrowsAnyAsync<ApiException>(() => client.GetWithCookieKeyAsync()),
                await Assert.ThrowsAnyAsync<ApiException>(() => client.GetWithQueryKeyAsync()),
                await Assert.ThrowsAnyAsync<ApiException>(() => client.PostWithKeyAndBasicAsync(new Item { Name = "n" })),
            };

            // The server did echo them: the test would see a leak.
            Assert.Contains("bad credentials", errors[0].ResponseBody, StringComparison.Ordinal);
            foreach (ApiException error in errors)
            {
                string text = error.ToString() + "\n" + error.Message + "\n" + error.ResponseBody + "\n" + string.Join("\n", error.ErrorMessages);
                foreach (string secret in new[] { Key, Uri.EscapeDataString(Key), Password, basic, "q-key-secret" })
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                }
            }

            Assert.Contains("***", errors[1].ResponseBody, StringComparison.Ordinal);
            string logs = string.Join("\n", logger.Lines);
            Assert.NotEmpty(logger.Lines);
            string described = options.ToString();
            foreach (string secret in new[] { Key, Uri.EscapeDataString(Key), Password, basic, "q-key-secret" })
            {
                Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, described, StringComparison.Ordinal);
            }

            Assert.Contains("ApiKey = ***", described, StringComparison.Ordinal);
            Assert.Contains("queryKey = ***", described, StringComparison.Ordinal);
            Assert.Contains("Basic = Aladdin:***", described, StringComparison.Ordinal);
        }
    }

    private sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + " " + state + " " + exception);
    }
}
