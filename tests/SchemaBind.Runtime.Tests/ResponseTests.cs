using System.Net;
using System.Text.Json;
using SchemaBind.Runtime.GeneratedCode;
using static SchemaBind.Runtime.Tests.Tokens;

namespace SchemaBind.Runtime.Tests;

public sealed class ResponseTests
{
    private static readonly Uri Unused = new("https://default.invalid/");

    private static ApiTransport TransportFor(LoopbackServer server, HttpClient http)
        => new(http, new ApiClientOptions { BaseAddress = server.At("/api") }, Unused);

    [Fact]
    public async Task A_201_body_is_read_through_the_handler()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"name":"Rex","extra":[1,{"a":2}],"id":9}""");
        using var http = new HttpClient();

        ApiResponse<Pet> response = await TransportFor(server, http)
            .SendAsync(HttpMethod.Post, "/pets", new Pet(0, "Rex"), Pet.Write, Pet.Read, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Pet(9, "Rex"), response.Value);
    }

    [Fact]
    public async Task A_get_body_is_read_and_headers_are_exposed()
    {
        var headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" };
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "\uFEFF [ 1, 2, 3 ] \n", headers: headers);
        using var http = new HttpClient();

        ApiResponse<int[]> response = await TransportFor(server, http).SendAsync(HttpMethod.Get, "/numbers", ReadInts, Ct);

        Assert.Equal([1, 2, 3], response.Value);
        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Rate_limit_figures_are_parsed_from_the_headers()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Rate-Limit-Limit"] = "100",
            ["X-Rate-Limit-Remaining"] = "42",
            ["X-Rate-Limit-Reset"] = "1700000000",
        };
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":1,"name":"a"}""", headers: headers);
        using var http = new HttpClient();

        ApiResponse<Pet> response = await TransportFor(server, http).SendAsync(HttpMethod.Get, "/pets/1", Pet.Read, Ct);

        Assert.Equal(new RateLimitInfo(100, 42, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)), response.RateLimit);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), response.RateLimit.Reset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    public async Task Missing_or_garbage_rate_limit_headers_give_null(string? value)
    {
        var headers = value is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["X-Rate-Limit-Limit"] = value, ["X-Rate-Limit-Remaining"] = value, ["X-Rate-Limit-Reset"] = value };
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, headers: headers);
        using var http = new HttpClient();

        ApiResponse response = await TransportFor(server, http).SendAsync(HttpMethod.Get, "/ping", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(new RateLimitInfo(null, null, null), response.RateLimit);
    }

    [Fact]
    public void FromHeaders_parses_each_header_independently()
    {
        using var message = new HttpResponseMessage();
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Limit", " 5000 ");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", "lots");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", "0");

        RateLimitInfo info = RateLimitInfo.FromHeaders(message.Headers);

        Assert.Equal(5000, info.Limit);
        Assert.Null(info.Remaining);
        Assert.Equal(DateTimeOffset.UnixEpoch, info.Reset);
    }

    [Fact]
    public void FromHeaders_matches_names_in_any_case_among_other_headers_and_takes_a_repeated_headers_first_value()
    {
        using var message = new HttpResponseMessage();
        message.Headers.TryAddWithoutValidation("Date", "Sun, 06 Dec 2026 10:00:00 GMT");
        message.Headers.TryAddWithoutValidation("x-rate-limit-remaining", "7");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Other", "1");
        message.Headers.TryAddWithoutValidation("X-RATE-LIMIT-LIMIT", "60");
        message.Headers.TryAddWithoutValidation("X-RATE-LIMIT-LIMIT", "999");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset-After", "5");

        RateLimitInfo info = RateLimitInfo.FromHeaders(message.Headers);

        Assert.Equal(new RateLimitInfo(60, 7, null), info);
    }

    [Fact]
    public void FromHeaders_gives_null_for_values_out_of_range()
    {
        using var message = new HttpResponseMessage();
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Limit", "2147483648");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", "2147483647");
        message.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", "999999999999999");

        RateLimitInfo info = RateLimitInfo.FromHeaders(message.Headers);

        Assert.Equal(new RateLimitInfo(null, int.MaxValue, null), info);
    }

    [Theory]
    [InlineData("{\"id\":1,")]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"id\":1,\"name\":\"a\"} trailing")]
    public async Task Malformed_json_on_2xx_throws_ApiResponseFormatException(string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, body);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            TransportFor(server, http).SendAsync(HttpMethod.Get, "/pets/1?x=1", Pet.Read, Ct));

        Assert.IsType<JsonException>(ex.InnerException, exactMatch: false);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("/pets/1", ex.Path);
        Assert.Equal(body, ex.ResponseBody);
        Assert.StartsWith("GET /pets/1 returned 200 (OK) but the response body could not be read: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":1}""", typeof(JsonException))]
    [InlineData("[1,2]", typeof(JsonException))]
    [InlineData("""{"id":"seven","name":"a"}""", typeof(InvalidOperationException))]
    public async Task A_body_of_the_wrong_shape_throws_ApiResponseFormatException(string body, Type innerType)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, body);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            TransportFor(server, http).SendAsync(HttpMethod.Get, "/pets/1", Pet.Read, Ct));

        Assert.IsType(innerType, ex.InnerException);
        Assert.Contains(ex.InnerException!.Message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public async Task An_empty_2xx_body_when_one_is_expected_throws_ApiResponseFormatException(string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, body);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            TransportFor(server, http).SendAsync(HttpMethod.Get, "/pets/1", Pet.Read, Ct));

        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    private static int[] ReadInts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array.");
        }

        var values = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetInt32());
        }

        return [.. values];
    }
}
