using EndToEnd.Notes;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Response headers the document declares (Schemas/notes.openapi.json, getNote), read typed from a real Kestrel server
/// on loopback: <c>GetNoteHeaders.Read(response.Headers)</c>. Absent headers are null; a value that is not of its type is
/// null too and does not fail the call, its raw text still in the response's headers.
/// </summary>
public sealed class ResponseHeaderTests
{
    private const string NoteJson = """{"id":7,"title":"Groceries"}""";

    private static NotesClient Client(HandlerServer server, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

    private static Task<HandlerServer> Answer(Dictionary<string, string> headers, Action<Microsoft.AspNetCore.Http.HttpContext>? more = null) =>
        HandlerServer.StartAsync((context, _, _) =>
        {
            more?.Invoke(context);
            return HandlerServer.Json(context, 200, NoteJson, headers);
        });

    [Fact]
    public async Task Declared_headers_are_read_as_their_types()
    {
        await using HandlerServer server = await Answer(new Dictionary<string, string>
        {
            ["ETag"] = "\"v42\"",
            ["X-Rate-Limit-Remaining"] = "17",
            ["X-Revised-At"] = "2027-01-02T03:04:05+01:00",
            ["X-Cached"] = "true",
            ["X-Priority"] = "high",
            ["X-Related"] = "3, 5,8",
            ["X-Request-Id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        });
        using var http = new HttpClient();

        ApiResponse<Note> response = await Client(server, http).GetNoteWithResponseAsync(7);
        GetNoteHeaders headers = GetNoteHeaders.Read(response.Headers);

        Assert.Equal(7, response.Value.Id);
        Assert.Equal("\"v42\"", headers.ETag);
        Assert.Equal(17, headers.XRateLimitRemaining);
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), headers.XRevisedAt);
        Assert.True(headers.XCached);
        Assert.Equal(GetNoteXPriority.High, headers.XPriority);
        Assert.Equal(new long[] { 3, 5, 8 }, headers.XRelated);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), headers.XRequestId);
    }

    [Fact]
    public async Task An_HTTP_date_is_a_date_time_too_and_header_lines_of_one_name_make_one_list()
    {
        await using HandlerServer server = await Answer(
            new Dictionary<string, string> { ["X-Revised-At"] = "Sat, 02 Jan 2027 03:04:05 GMT" },
            static context => context.Response.Headers["X-Related"] = new Microsoft.Extensions.Primitives.StringValues(["1,2", "3"]));
        using var http = new HttpClient();

        GetNoteHeaders headers = GetNoteHeaders.Read((await Client(server, http).GetNoteWithResponseAsync(7)).Headers);

        Assert.Equal(new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero), headers.XRevisedAt);
        Assert.Equal(new long[] { 1, 2, 3 }, headers.XRelated);
    }

    [Fact]
    public async Task Headers_the_response_does_not_have_are_null()
    {
        await using HandlerServer server = await Answer(new Dictionary<string, string>());
        using var http = new HttpClient();

        GetNoteHeaders headers = GetNoteHeaders.Read((await Client(server, http).GetNoteWithResponseAsync(7)).Headers);

        Assert.Equal(new GetNoteHeaders(), headers);
        Assert.Null(headers.ETag);
        Assert.Null(headers.XRateLimitRemaining);
        Assert.Null(headers.XRelated);
    }

    [Fact]
    public async Task A_malformed_header_is_null_and_its_raw_value_stays_in_the_response_headers_while_the_call_succeeds()
    {
        await using HandlerServer server = await Answer(new Dictionary<string, string>
        {
            ["ETag"] = "\"v1\"",
            ["X-Rate-Limit-Remaining"] = "plenty",
            ["X-Revised-At"] = "yesterday",
            ["X-Cached"] = "yes",
            ["X-Priority"] = "urgent",
            ["X-Related"] = "3,x,8",
            ["X-Request-Id"] = "not-a-uuid",
        });
        using var http = new HttpClient();

        ApiResponse<Note> response = await Client(server, http).GetNoteWithResponseAsync(7);
        GetNoteHeaders headers = GetNoteHeaders.Read(response.Headers);

        Assert.Equal("Groceries", response.Value.Title);
        Assert.Equal("\"v1\"", headers.ETag);
        Assert.Equal(new GetNoteHeaders { ETag = "\"v1\"" }, headers);
        Assert.Equal(["plenty"], response.Headers.GetValues("X-Rate-Limit-Remaining"));
        Assert.Equal(["3,x,8"], response.Headers.GetValues("X-Related"));
    }
}
