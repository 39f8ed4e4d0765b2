using System.Net;
using EndToEnd.Errors;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// An operation whose success statuses declare different bodies (Schemas/errors.openapi.json, importItem: 200/201 an
/// Item, 202 a job, 204 nothing) returns a result type with a property per body; against a real Kestrel server.
/// </summary>
public sealed class SuccessBodyTests
{
    private static ErrorsClient Client(HandlerServer server, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

    [Fact]
    public async Task Each_success_status_is_read_as_its_own_body()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number switch
        {
            1 => HandlerServer.Json(context, 200, """{"id":1,"name":"lamp"}"""),
            2 => HandlerServer.Json(context, 201, """{"id":2,"name":"desk"}"""),
            3 => HandlerServer.Json(context, 202, """{"jobId":"j-9"}"""),
            _ => HandlerServer.Json(context, 204, string.Empty),
        });
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);
        var item = new Item { Name = "lamp" };

        ImportItemResult ok = await client.ImportItemAsync(1, item);
        Assert.Equal("lamp", ok.Ok?.Name);
        Assert.Null(ok.Accepted);

        ApiResponse<ImportItemResult> created = await client.ImportItemWithResponseAsync(2, item);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("desk", created.Value.Ok?.Name);

        ApiResponse<ImportItemResult> queued = await client.ImportItemWithResponseAsync(3, item);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal("j-9", queued.Value.Accepted?.JobId);
        Assert.Null(queued.Value.Ok);

        ApiResponse<ImportItemResult> nothing = await client.ImportItemWithResponseAsync(4, item);
        Assert.Equal(HttpStatusCode.NoContent, nothing.StatusCode);
        Assert.Null(nothing.Value.Ok);
        Assert.Null(nothing.Value.Accepted);

        Assert.Equal(["/items/1/import", "/items/2/import", "/items/3/import", "/items/4/import"], server.Received.Select(static r => r.RawTarget));
        Assert.All(server.Received, static r => Assert.Equal("""{"name":"lamp"}""", System.Text.Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task A_202_body_that_is_not_its_declared_shape_is_a_format_error_and_an_error_status_keeps_its_typed_body()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, number) => number == 1
            ? HandlerServer.Json(context, 202, """{"id":1,"name":"lamp"}""")
            : HandlerServer.Json(context, 409, """{"message":"locked"}"""));
        using var http = new HttpClient();
        ErrorsClient client = Client(server, http);

        ApiResponseFormatException format = await Assert.ThrowsAsync<ApiResponseFormatException>(() => client.ImportItemAsync(1, new Item { Name = "x" }));
        Assert.Equal(HttpStatusCode.Accepted, format.StatusCode);

        ApiConflictException conflict = await Assert.ThrowsAsync<ApiConflictException>(() => client.ImportItemAsync(1, new Item { Name = "x" }));
        Assert.Equal("locked", Assert.IsType<Error>(conflict.Error).Message);
    }
}
