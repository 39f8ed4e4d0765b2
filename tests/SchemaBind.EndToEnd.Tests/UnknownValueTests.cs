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
              "id": 7, "name": "Wait for it", "type": "SLEEP",
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
