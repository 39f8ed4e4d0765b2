using System.Net;
using EndToEnd.Errors;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Typed error bodies (Schemas/errors.openapi.json): an error status still throws its status exception, and the body
/// the document declares for that status (exact, range or default) comes with it as <see cref="ApiException.Error"/>.
/// Against a real Kestrel server on loopback.
/// </summary>
public sealed class ErrorBodyTests
{
    private static ErrorsClient Client(HandlerServer server, HttpClient http, string? token = null) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None, AccessToken = token });

    private static Task<HandlerServer> Answer(int status, string body, string contentType = "application/json") =>
        HandlerServer.StartAsync(async (context, _, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    [Fact]
    public async Task A_404_throws_the_not_found_exception_with_the_body_as_the_declared_type()
    {
        await using HandlerServer server = await Answer(404, """{"resource":"item","id":7}""");
        using var http = new HttpClient();

        ApiNotFoundException ex = await Assert.ThrowsAsync<ApiNotFoundException>(() => Client(server, http).GetItemAsync(7));

        NotFound body = Assert.IsType<NotFound>(ex.Error);
        Assert.Equal("item", body.Resource);
        Assert.Equal(7, body.Id);
        Assert.True(ex.TryGetError(out NotFound? typed));
        Assert.Same(body, typed);
        Assert.False(ex.TryGetError(out Problem? _));
        Assert.Equal("""{"resource":"item","id":7}""", ex.ResponseBody); // the raw text is still there
    }

    [Fact]
    public async Task Another_4xx_status_takes_the_4XX_range_type()
    {
        await using HandlerServer server = await Answer(400, """{"title":"bad id","status":400}""", "application/problem+json");
        using var http = new HttpClient();

        ApiBadRequestException ex = await Assert.ThrowsAsync<ApiBadRequestException>(() => Client(server, http).GetItemAsync(7));

        Problem problem = Assert.IsType<Problem>(ex.Error);
        Assert.Equal("bad id", problem.Title);
        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public async Task A_5xx_status_takes_the_5XX_range_type_and_a_status_outside_every_range_takes_default()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number == 1
            ? HandlerServer.Json(context, 502, """{"retryInSeconds":30}""")
            : HandlerServer.Json(context, 307, """{"message":"moved"}"""));
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);

        ApiServerException server502 = await Assert.ThrowsAsync<ApiServerException>(() => client.GetItemAsync(1));
        Assert.Equal(30, Assert.IsType<Outage>(server502.Error).RetryInSeconds);

        ApiException other = await Assert.ThrowsAsync<ApiException>(() => client.GetItemAsync(1));
        Assert.Equal((HttpStatusCode)307, other.StatusCode);
        Assert.Equal("moved", Assert.IsType<Error>(other.Error).Message);
    }

    [Fact]
    public async Task A_body_that_is_not_the_declared_shape_leaves_the_error_empty_and_the_status_exception_thrown()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number switch
        {
            1 => HandlerServer.Json(context, 404, """{"resource":"item"}"""), // a required member missing
            2 => HandlerServer.Json(context, 404, """{"resource":"item","id":7} trailing"""),
            3 => HandlerServer.Json(context, 404, string.Empty),
            _ => WriteHtml(context),
        });
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);

        for (int i = 0; i < 4; i++)
        {
            ApiNotFoundException ex = await Assert.ThrowsAsync<ApiNotFoundException>(() => client.GetItemAsync(7));
            Assert.Null(ex.Error);
            Assert.False(ex.TryGetError(out NotFound? _));
        }

        static async Task WriteHtml(HttpContext context)
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("""{"resource":"item","id":7}""");
        }
    }

    [Fact]
    public async Task An_array_error_body_of_a_post_is_read_and_default_covers_the_other_statuses()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number == 1
            ? HandlerServer.Json(context, 422, """[{"field":"name","message":"taken"},{"field":"id","message":"odd"}]""")
            : HandlerServer.Json(context, 404, """{"message":"no such shelf"}"""));
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);

        ApiException invalid = await Assert.ThrowsAsync<ApiException>(() => client.CreateItemAsync(new Item { Name = "x" }));
        Assert.True(invalid.TryGetError(out IReadOnlyList<FieldError>? fields));
        Assert.Equal(["name", "id"], fields.Select(static f => f.Field));

        ApiNotFoundException missing = await Assert.ThrowsAsync<ApiNotFoundException>(() => client.CreateItemAsync(new Item { Name = "x" }));
        Assert.Equal("no such shelf", Assert.IsType<Error>(missing.Error).Message);
    }

    [Fact]
    public async Task An_inline_error_schema_is_read_through_a_request_with_headers_and_a_non_json_error_stays_raw()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number == 1
            ? HandlerServer.Json(context, 409, """{"current":"v2"}""")
            : WriteHtml(context));
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);

        ApiConflictException conflict = await Assert.ThrowsAsync<ApiConflictException>(() => client.DeleteItemAsync(1, "v1"));
        Assert.Equal("v2", Assert.IsType<DeleteItem409Error>(conflict.Error).Current);

        ApiException html = await Assert.ThrowsAsync<ApiException>(() => client.DeleteItemAsync(1, "v1"));
        Assert.Equal((HttpStatusCode)412, html.StatusCode);
        Assert.Null(html.Error);
        Assert.Equal("<p>gone</p>", html.ResponseBody);

        static async Task WriteHtml(HttpContext context)
        {
            context.Response.StatusCode = 412;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<p>gone</p>");
        }
    }

    [Fact]
    public async Task A_text_operation_reads_its_json_error_body()
    {
        await using HandlerServer server = await Answer(503, """{"retryInSeconds":5}""");
        using var http = new HttpClient();

        ApiServerException ex = await Assert.ThrowsAsync<ApiServerException>(() => Client(server, http).GetStatusAsync());

        Assert.Equal(5, Assert.IsType<Outage>(ex.Error).RetryInSeconds);
    }

    [Fact]
    public async Task A_token_the_server_echoes_in_an_error_body_is_masked_in_the_typed_body_too()
    {
        const string Token = "s3cr3t-t0ken/+x";
        await using HandlerServer server = await HandlerServer.StartAsync((context, received, _) =>
            HandlerServer.Json(context, 401, $$"""{"message":"bad token {{received.Authorization}}"}"""));
        using var http = new HttpClient();

        ApiUnauthorizedException ex = await Assert.ThrowsAsync<ApiUnauthorizedException>(() => Client(server, http, Token).CreateItemAsync(new Item { Name = "x" }));

        string message = Assert.IsType<Error>(ex.Error).Message;
        Assert.Equal("bad token Bearer ***", message);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_is_read_as_before()
    {
        await using HandlerServer server = await Answer(200, """{"id":3,"name":"lamp"}""");
        using var http = new HttpClient();

        ApiResponse<Item> response = await Client(server, http).GetItemWithResponseAsync(3);

        Assert.Equal("lamp", response.Value.Name);
    }
}
