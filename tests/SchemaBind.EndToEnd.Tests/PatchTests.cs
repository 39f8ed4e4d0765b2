using System.Text;
using Buddy.Api;
using EndToEnd.Notes;
using Microsoft.AspNetCore.Http;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Absent vs null in a JSON Merge Patch body (Schemas/notes.openapi.json): a member never set is left out, a member set
/// to null is sent as null, a member set to a value is sent with it. A real Kestrel server on loopback records the exact
/// bytes and applies the patch as RFC 7396 says, reading it with the same generated type (…Specified tells null from absent).
/// </summary>
public sealed class PatchTests
{
    private static NotesClient Client(HandlerServer server, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = server.BaseAddress, Retry = ApiRetryOptions.None });

    /// <summary>A server holding one note that applies each merge patch it receives and answers with the note.</summary>
    private static Task<HandlerServer> NoteServer() => HandlerServer.StartAsync((context, received, _) =>
    {
        NotePatch patch = NotePatch.FromJson(received.Body);
        var note = new Note { Id = 7, Title = "Groceries", Body = "milk", Priority = 2 };
        note = note with
        {
            Title = patch.Title ?? note.Title,
            Body = patch.BodySpecified ? patch.Body : note.Body,
            Priority = patch.PrioritySpecified ? patch.Priority : note.Priority,
        };
        return HandlerServer.Json(context, 200, note.ToJson());
    });

    [Fact]
    public async Task A_member_never_set_is_left_out_and_the_server_keeps_it()
    {
        await using HandlerServer server = await NoteServer();
        using var http = new HttpClient();

        Note note = await Client(server, http).UpdateNoteAsync(7, new NotePatch { Title = "Shopping" });

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/notes/7", request.RawTarget);

        // The body is sent with the media type the document declares, not as application/json.
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.Equal("""{"title":"Shopping"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("""{"id":7,"title":"Shopping","body":"milk","priority":2}""", note.ToJson());
    }

    [Fact]
    public async Task A_member_set_to_null_is_sent_as_null_and_the_server_removes_it()
    {
        await using HandlerServer server = await NoteServer();
        using var http = new HttpClient();

        Note note = await Client(server, http).UpdateNoteAsync(7, new NotePatch { Body = null, Due = null, Priority = null, Tags = null, Assignee = null });

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.Equal("""{"body":null,"due":null,"priority":null,"tags":null,"assignee":null}""", Encoding.UTF8.GetString(request.Body));

        // The answer says "body": null; read, the note knows it was sent, and writes it again.
        Assert.Null(note.Body);
        Assert.True(note.BodySpecified);
        Assert.Equal("""{"id":7,"title":"Groceries","body":null,"priority":null}""", note.ToJson());
    }

    [Fact]
    public async Task A_member_set_to_a_value_is_sent_with_it()
    {
        await using HandlerServer server = await NoteServer();
        using var http = new HttpClient();

        var patch = new NotePatch
        {
            Body = "eggs",
            Due = new DateOnly(2027, 1, 2),
            Priority = 3,
            Tags = ["home"],
            Assignee = new PersonPatch { Email = null },
        };
        Note note = await Client(server, http).UpdateNoteAsync(7, patch);

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal(
            """{"body":"eggs","due":"2027-01-02","priority":3,"tags":["home"],"assignee":{"email":null}}""",
            Encoding.UTF8.GetString(request.Body));
        Assert.Equal("""{"id":7,"title":"Groceries","body":"eggs","priority":3}""", note.ToJson());
    }

    [Fact]
    public async Task With_changes_one_member_and_keeps_the_others_as_they_were_set()
    {
        await using HandlerServer server = await NoteServer();
        using var http = new HttpClient();
        var first = new NotePatch { Body = null };

        await Client(server, http).UpdateNoteAsync(7, first with { Priority = 5 });
        await Client(server, http).UpdateNoteAsync(7, first with { Body = "bread" });

        Assert.Equal(
            new[] { """{"body":null,"priority":5}""", """{"body":"bread"}""" },
            server.Received.Select(static r => Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task A_union_case_read_from_a_server_keeps_null_and_absent_apart_when_written_again()
    {
        // Buddy's SLEEP action (a case of the PipelineAction union): "timeout" may be null, "retry_count" too.
        await using HandlerServer server = await ScriptedServer.StartAsync(200, """
            { "url": "https://api.buddy.works/workspaces/buddy/projects/web/pipelines/2/actions/3",
              "html_url": "https://app.buddy.works/buddy/web/pipelines/action/3/edit",
              "id": 3, "name": "Wait", "type": "SLEEP", "timeout": null, "sleep_in_sec": 10 }
            """);
        using var http = new HttpClient();
        var client = new BuddyClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress, AccessToken = "t", Retry = ApiRetryOptions.None });

        SleepAction action = Assert.IsType<SleepAction>(await client.GetActionAsync("buddy", "web", 2, 3));

        Assert.True(action.TimeoutSpecified);
        Assert.False(action.RetryCountSpecified);
        Assert.Equal(
            """{"type":"SLEEP","url":"https://api.buddy.works/workspaces/buddy/projects/web/pipelines/2/actions/3","html_url":"https://app.buddy.works/buddy/web/pipelines/action/3/edit","id":3,"name":"Wait","sleep_in_sec":10,"timeout":null}""",
            action.ToJson());
        Assert.Equal(action, PipelineAction.FromJson(action.ToJson()));
        Assert.NotEqual(action, action with { RetryCount = null });
    }

    [Fact]
    public async Task A_member_that_may_not_be_null_is_left_out_when_null()
    {
        await using HandlerServer server = await NoteServer();
        using var http = new HttpClient();

        // "title" has no null in its schema: null means "not set", as for every such member.
        await Client(server, http).UpdateNoteAsync(7, new NotePatch { Title = null });

        Assert.Equal("{}", Encoding.UTF8.GetString(Assert.Single(server.Received).Body));
    }
}
