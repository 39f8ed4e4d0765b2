using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EndToEnd.Operations;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Header and cookie parameters and form bodies (Schemas/operations.openapi.json), against a real Kestrel server
/// on loopback that records the exact headers and bytes it receives.
/// </summary>
public sealed class RequestPartTests
{
    private const string ItemBody = """{"name":"lamp"}""";

    private static async Task<(HandlerServer Server, ConcurrentQueue<IHeaderDictionary> Headers)> StartAsync()
    {
        var headers = new ConcurrentQueue<IHeaderDictionary>();
        HandlerServer server = await HandlerServer.StartAsync(async (context, _, _) =>
        {
            headers.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value, StringComparer.OrdinalIgnoreCase)));
            await HandlerServer.Json(context, 200, ItemBody);
        });
        return (server, headers);
    }

    private static OperationsClient Client(HandlerServer server, HttpClient http, ApiClientOptions? options = null)
    {
        options ??= new ApiClientOptions();
        options.BaseAddress = server.BaseAddress;
        options.Retry = ApiRetryOptions.None;
        return new OperationsClient(http, options);
    }

    [Fact]
    public async Task Header_and_cookie_parameters_are_sent_as_headers()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            Item item = await Client(server, http).GetItemAsync(
                7, "req-1", xTags: ["a", "b c"], xLimit: 5, xMode: GetItemXMode.SafeMode, xSince: new DateOnly(2026, 3, 1), tenant: "acme corp");

            Assert.Equal("lamp", item.Name);
            IHeaderDictionary received = Assert.Single(headers);
            Assert.Equal("/items/7", Assert.Single(server.Received).RawTarget);
            Assert.Equal("req-1", received["X-Request-Id"].ToString());
            Assert.Equal("a,b c", received["X-Tags"].ToString());
            Assert.Equal("5", received["X-Limit"].ToString());
            Assert.Equal("safe-mode", received["X-Mode"].ToString());
            Assert.Equal("2026-03-01", received["X-Since"].ToString());
            Assert.Equal("tenant=acme%20corp", received["Cookie"].ToString());
        }
    }

    [Fact]
    public async Task Optional_headers_left_null_are_not_sent()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> headers) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            await Client(server, http).GetItemAsync(7, "req-2", xTags: []);

            IHeaderDictionary received = Assert.Single(headers);
            Assert.Equal("req-2", received["X-Request-Id"].ToString());
            foreach (string absent in new[] { "X-Tags", "X-Limit", "X-Mode", "X-Since", "Cookie" })
            {
                Assert.False(received.ContainsKey(absent), absent + " was sent");
            }
        }
    }

    [Theory]
    [InlineData("evil\r\nX-Injected: 1")]
    [InlineData("evil\nX-Injected: 1")]
    [InlineData("nul\0")]
    public async Task A_header_value_with_CR_or_LF_is_refused_before_sending(string value)
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            OperationsClient client = Client(server, http);

            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, value));
            Assert.Contains("'X-Request-Id'", error.Message);
            Assert.DoesNotContain("evil", error.Message);
            await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, "ok", xTags: ["a", value]));
            Assert.Empty(server.Received);
        }
    }

    [Fact]
    public async Task Header_parameters_are_validated_before_sending()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            OperationsClient client = Client(server, http);

            ArgumentException tooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, new string('x', 21)));
            Assert.Equal("xRequestId", tooLong.ParamName);
            ArgumentException tooSmall = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync(7, "ok", xLimit: int.Parse("0", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains("'X-Limit' must be at least 1", tooSmall.Message);
            Assert.Empty(server.Received);
        }
    }

    [Fact]
    public async Task A_form_body_is_sent_url_encoded_with_arrays_repeated()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            var body = new TokenRequest
            {
                GrantType = TokenRequestGrantType.ClientCredentials,
                User = "ann & bob+1",
                Scope = ["read", "write all"],
                ValidUntil = new DateOnly(2027, 1, 31),
                Count = 3,
                Remember = true,
            };

            Item item = await Client(server, http).CreateTokenAsync(body);

            Assert.Equal("lamp", item.Name);
            ReceivedRequest request = Assert.Single(server.Received);
            Assert.Equal("POST", request.Method);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.Equal(
                "grant_type=client_credentials&user=ann+%26+bob%2B1&scope=read&scope=write+all&valid_until=2027-01-31&count=3&remember=true",
                Encoding.UTF8.GetString(request.Body));
        }
    }

    [Fact]
    public async Task A_form_field_that_is_an_object_or_any_JSON_is_sent_as_its_JSON_text()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            using JsonDocument data = JsonDocument.Parse("""{"a":[1,"x y"]}""");
            var body = new TokenRequest
            {
                GrantType = TokenRequestGrantType.Password,
                User = "ann",
                Claims = new TokenRequestClaims { Role = "admin&ops", Level = 2 },
                Data = data.RootElement,
            };

            await Client(server, http).CreateTokenAsync(body);

            // OpenAPI's default for such a property of a form body is application/json: one field, its JSON percent-encoded
            // (written as every JSON body is: "&" escaped as \u0026).
            Assert.Equal(
                "grant_type=password&user=ann&claims=%7B%22role%22%3A%22admin%5Cu0026ops%22%2C%22level%22%3A2%7D&data=%7B%22a%22%3A%5B1%2C%22x+y%22%5D%7D",
                Encoding.UTF8.GetString(Assert.Single(server.Received).Body));
        }
    }

    [Fact]
    public async Task A_form_body_leaves_out_unset_properties_and_is_validated_first()
    {
        (HandlerServer server, ConcurrentQueue<IHeaderDictionary> _) = await StartAsync();
        await using (server)
        {
            using var http = new HttpClient();
            OperationsClient client = Client(server, http);

            await Assert.ThrowsAsync<RequestValidationException>(() => client.CreateTokenAsync(new TokenRequest { GrantType = TokenRequestGrantType.Password, User = new string('a', 1) }));
            Assert.Empty(server.Received);

            await client.CreateTokenAsync(new TokenRequest { GrantType = TokenRequestGrantType.Password, User = "ann" });
            Assert.Equal("grant_type=password&user=ann", Encoding.UTF8.GetString(Assert.Single(server.Received).Body));
        }
    }
}
