using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// A server knows more than the schema: enum values and action types it does not list are read
/// without an error, kept, written back as they came, and refused when the client would send them.
/// </summary>
public sealed class UnknownValueTests
{
    private const string ActionsPath = "/workspaces/buddy/projects/company-website/pipelines/2/actions";

    // A newer server: a trigger time and a status that the schema does not list.
    private const string NewerActionList = """
        {
          "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions",
          "html_url": "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2",
          "actions": [
            { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/7",
              "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/7/edit",
              "id": 7, "name": "Push the tag", "type": "GIT_PUSH",
              "trigger_time": "ON_SCHEDULE", "last_execution_status": "WAITING_FOR_APPROVAL" },
            { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/8",
              "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/8/edit",
              "id": 8, "name": "Also", "type": "SLEEP",
              "trigger_time": "ON_FAILURE", "last_execution_status": "WAITING_FOR_APPROVAL" }
          ]
        }
        """;

    private static BuddyClient Client(Uri baseAddress, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = baseAddress, AccessToken = "t", Retry = ApiRetryOptions.None });

    [Fact]
    public async Task ListActions_reads_enum_values_the_schema_does_not_list_and_keeps_them()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, NewerActionList);
        using var http = new HttpClient();

        ActionList list = await Client(server.BaseAddress, http).ListActionsAsync("buddy", "company-website", 2);

        ActionSummary first = list.Actions[0];
        Assert.Equal("GIT_PUSH", first.Type); // an action type the schema does not list
        TriggerTime triggerTime = first.TriggerTime!.Value;
        Assert.False(TriggerTimeJson.IsDefined(triggerTime));
        Assert.Equal("ON_SCHEDULE", triggerTime.ToWireName());
        Assert.Equal("WAITING_FOR_APPROVAL", first.LastExecutionStatus!.Value.ToWireName());
        Assert.Equal(TriggerTime.OnFailure, list.Actions[1].TriggerTime);

        // The same unknown name is the same value wherever it is read.
        Assert.Equal(first.LastExecutionStatus, list.Actions[1].LastExecutionStatus);
        Assert.Equal(list, ActionList.FromJson(NewerActionList));

        // Written back exactly as it came.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(NewerActionList), JsonNode.Parse(list.ToJson())), list.ToJson());

        // It is not a value of the schema, and Validate says so where it is.
        Assert.Equal(
            [("/actions/0/trigger_time", "enum"), ("/actions/0/last_execution_status", "enum"), ("/actions/1/last_execution_status", "enum")],
            list.Validate().Select(static e => (e.InstanceLocation, e.Keyword)));
        Assert.Equal(ActionsPath, Assert.Single(server.Received).RawTarget);
    }

    // A full action of a type the schema does not list, with fields of its own (and one that is sensitive).
    private const string GitPushAction = """{"url":"https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/7","html_url":"https://app.buddy.works/buddy/company-website/pipelines/action/7/edit","id":7,"name":"Push the tag","type":"GIT_PUSH","trigger_time":"ON_EVERY_EXECUTION","target":{"remote":"origin","ref":"refs/tags/v1.0"},"push_tags":true,"retries":[1,2.5,null],"password":"s3cret"}""";

    [Fact]
    public async Task GetAction_of_a_type_the_schema_does_not_list_is_the_Unknown_case_and_writes_back_unchanged()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, GitPushAction);
        using var http = new HttpClient();

        PipelineAction action = await Client(server.BaseAddress, http).GetActionAsync("buddy", "company-website", 2, 7);

        var unknown = Assert.IsType<PipelineAction.Unknown>(action);
        Assert.Equal("GIT_PUSH", unknown.Type);
        Assert.Equal("refs/tags/v1.0", unknown.Json.GetProperty("target").GetProperty("ref").GetString());
        Assert.Equal(GitPushAction, action.ToJson()); // byte for byte: nothing is lost or reordered
        Assert.Equal(action, PipelineAction.FromJson(GitPushAction));
        Assert.NotEqual(action, PipelineAction.FromJson(GitPushAction.Replace("v1.0", "v1.1", StringComparison.Ordinal)));

        // Code that switches over the union still has a case for it.
        string described = action switch
        {
            SleepAction sleep => "sleep " + sleep.SleepInSec,
            PipelineAction.Unknown other => "unknown " + other.Type,
            _ => "another known type",
        };
        Assert.Equal("unknown GIT_PUSH", described);

        // Which of its fields are secret is not known, so ToString (for logs) shows none of the values.
        Assert.Equal("""{"url":"***","html_url":"***","id":"***","name":"***","type":"GIT_PUSH","trigger_time":"***","target":"***","push_tags":"***","retries":"***","password":"***"}""", action.ToString());

        // It matches no case of the schema; the JSON validator says the same.
        Assert.Equal([("", "oneOf")], action.Validate().Select(static e => (e.InstanceLocation, e.Keyword)));
        Assert.Equal([("", "oneOf")], PipelineAction.ValidateJson(unknown.Json).Select(static e => (e.InstanceLocation, e.Keyword)));
    }

    [Fact]
    public async Task An_unknown_action_type_is_never_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, GitPushAction);
        using var http = new HttpClient();
        ActionRequest request = ActionRequest.FromJson("""{ "type": "GIT_PUSH", "name": "Push the tag" }""");
        Assert.Equal("GIT_PUSH", Assert.IsType<ActionRequest.Unknown>(request).Type);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(
            () => Client(server.BaseAddress, http).AddActionAsync("buddy", "company-website", 2, request));

        Assert.Equal([("", "oneOf")], ex.Errors.Select(static e => (e.InstanceLocation, e.Keyword)));
        Assert.Empty(server.Received);
    }

    [Fact]
    public void The_Unknown_case_can_be_made_from_JSON_and_refuses_JSON_without_a_discriminator()
    {
        JsonDocument document = JsonDocument.Parse("""{ "type": "GIT_PUSH", "name": "x" }""");
        var made = new PipelineAction.Unknown(document.RootElement);
        document.Dispose();
        Assert.Equal("x", made.Json.GetProperty("name").GetString()); // copied: the document is gone

        Assert.Throws<ArgumentException>(() => new PipelineAction.Unknown(JsonDocument.Parse("""{ "name": "x" }""").RootElement));
        Assert.Throws<ArgumentException>(() => new PipelineAction.Unknown(JsonDocument.Parse("""{ "type": 3 }""").RootElement));
        Assert.Throws<ArgumentException>(() => new PipelineAction.Unknown(JsonDocument.Parse("[]").RootElement));

        // Without a string discriminator, reading stays an error: there is no way to tell what it is.
        Assert.Contains("'type'", Assert.ThrowsAny<JsonException>(() => PipelineAction.FromJson("""{ "name": "x" }""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_url_that_holds_a_Buddy_variable_reads_as_its_text()
    {
        const string json = """{"type":"HTTP","url":"https://api.buddy.works/a/9","html_url":"https://app.buddy.works/a/9","id":9,"name":"Ping","notification_url":"$HOOK_URL/ping","method":"POST"}""";

        var action = Assert.IsType<HttpAction>(PipelineAction.FromJson(json));

        Assert.Equal("$HOOK_URL/ping", action.NotificationUrl);
        Assert.Equal(json, action.ToJson());
    }

    [Fact]
    public void FromWireName_gives_members_for_known_names_and_a_kept_value_for_others()
    {
        Assert.Equal(TriggerTime.OnWarning, TriggerTimeJson.FromWireName("ON_WARNING"));

        TriggerTime a = TriggerTimeJson.FromWireName("ON_A_NEW_THING");
        TriggerTime b = TriggerTimeJson.FromWireName("ON_ANOTHER_NEW_THING");
        Assert.True((int)a < 0 && (int)b < 0);
        Assert.NotEqual(a, b);
        Assert.Equal(a, TriggerTimeJson.FromWireName("ON_A_NEW_THING"));
        Assert.Equal("ON_ANOTHER_NEW_THING", b.ToWireName());
        Assert.False(TriggerTimeJson.TryParse("ON_A_NEW_THING", out _)); // TryParse stays about the schema's names
    }

    [Fact]
    public void A_value_that_was_never_read_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TriggerTime)77).ToWireName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TriggerTime)(-100_000)).ToWireName());
    }

    [Fact]
    public async Task A_request_with_an_unknown_enum_value_is_never_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, "{}");
        using var http = new HttpClient();
        var patch = new SleepActionPatch { TriggerTime = TriggerTimeJson.FromWireName("ON_SCHEDULE") };

        var ex = await Assert.ThrowsAsync<RequestValidationException>(
            () => Client(server.BaseAddress, http).UpdateActionAsync("buddy", "company-website", 2, 7, patch));

        Assert.Equal([("/trigger_time", "enum")], ex.Errors.Select(static e => (e.InstanceLocation, e.Keyword)));
        Assert.Empty(server.Received);
    }
}
