using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;
using Buddy.FakeServer;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// The operations besides addAction (get, list, update, delete) and the transport behaviour around them,
/// against real Kestrel servers on loopback.
/// </summary>
public sealed class OperationTests
{
    private const string Token = "op-token-5c1d";
    private const string ActionsPath = "/workspaces/buddy/projects/company-website/pipelines/2/actions";

    private const string ActionListBody = """
        {
          "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions",
          "html_url": "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2",
          "actions": [
            { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2",
              "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/2/edit",
              "id": 2, "name": "Run container", "type": "RUN_DOCKER_CONTAINER",
              "trigger_time": "ON_EVERY_EXECUTION", "last_execution_status": "INITIAL" },
            { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/3",
              "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/3/edit",
              "id": 3, "name": "Wait", "type": "SLEEP" }
          ]
        }
        """;

    private const string SleepActionBody = """
        { "url": "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/3",
          "html_url": "https://app.buddy.works/buddy/company-website/pipelines/action/3/edit",
          "id": 3, "name": "Wait", "type": "SLEEP", "sleep_in_sec": 10 }
        """;

    private static BuddyClient Client(Uri baseAddress, HttpClient http, ApiRetryOptions? retry = null, string token = Token) =>
        new(http, new ApiClientOptions { BaseAddress = baseAddress, AccessToken = token, Retry = retry ?? ApiRetryOptions.None });

    private static ApiRetryOptions FastRetry(int attempts) =>
        new() { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task An_action_added_to_the_fake_buddy_reads_back_with_GetAction()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = Token });
        using var http = new HttpClient();
        BuddyClient client = Client(server.BaseAddress, http);

        var created = (RunDockerContainerAction)await client.AddActionAsync("buddy", "company-website", 2, Seed.Request());
        ApiResponse<PipelineAction> read = await client.GetActionWithResponseAsync("buddy", "company-website", 2, created.Id);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var action = Assert.IsType<RunDockerContainerAction>(read.Value);
        Assert.Equal(created.ToJson(), action.ToJson());
        Assert.Equal("/:/buddy/mount/directory", Assert.Single(action.VolumeMappings!));
        Assert.Equal("containerUser", Assert.Single(action.Variables!).Key);

        RecordedRequest get = server.Requests[1];
        Assert.Equal("GET", get.Method);
        Assert.Equal($"{ActionsPath}/{created.Id}", get.Path);
        Assert.Equal("Bearer " + Token, get.Authorization);
        Assert.Empty(get.Body);
        Assert.Null(get.ContentType);
    }

    [Fact]
    public async Task ListActions_sends_page_and_per_page_and_reads_the_summaries()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, ActionListBody);
        using var http = new HttpClient();

        ActionList list = await Client(server.BaseAddress, http).ListActionsAsync("buddy", "company-website", 2, page: 2, perPage: 50);

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("GET", request.Method);
        Assert.Equal(ActionsPath + "?page=2&per_page=50", request.RawTarget);
        Assert.Equal(2, list.Actions.Count);
        Assert.Equal((2L, "RUN_DOCKER_CONTAINER", TriggerTime.OnEveryExecution, ExecutionStatus.Initial), (list.Actions[0].Id, list.Actions[0].Type, list.Actions[0].TriggerTime, list.Actions[0].LastExecutionStatus));
        Assert.Equal((3L, "SLEEP", (TriggerTime?)null), (list.Actions[1].Id, list.Actions[1].Type, list.Actions[1].TriggerTime));
        Assert.Equal("https://app.buddy.works/buddy/company-website/pipelines/pipeline/2", list.HtmlUrl.OriginalString);
    }

    [Fact]
    public async Task ListActions_without_paging_sends_no_query_string()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, ActionListBody);
        using var http = new HttpClient();

        await Client(server.BaseAddress, http).ListActionsAsync("buddy", "company-website", 2);

        Assert.Equal(ActionsPath, Assert.Single(server.Received).RawTarget);
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(-3, 10, "page")]
    [InlineData(1, 0, "perPage")]
    public async Task Paging_below_1_is_refused_and_nothing_is_sent(int? page, int? perPage, string parameter)
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, ActionListBody);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client(server.BaseAddress, http).ListActionsAsync("buddy", "company-website", 2, page, perPage));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task UpdateAction_patches_with_only_the_fields_set_and_the_type()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, SleepActionBody);
        using var http = new HttpClient();

        PipelineAction updated = await Client(server.BaseAddress, http).UpdateActionAsync("buddy", "company-website", 2, 3, new SleepActionPatch { SleepInSec = 10 });

        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(ActionsPath + "/3", request.RawTarget);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{ "type": "SLEEP", "sleep_in_sec": 10 }"""), JsonNode.Parse(request.Body)),
            Encoding.UTF8.GetString(request.Body));
        Assert.Equal(10, Assert.IsType<SleepAction>(updated).SleepInSec);
    }

    [Fact]
    public async Task An_invalid_patch_is_never_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(200, SleepActionBody);
        using var http = new HttpClient();

#pragma warning disable SB1001 // invalid on purpose
        var invalid = new SleepActionPatch { Name = "", SleepInSec = 1201 };
#pragma warning restore SB1001
        var ex = await Assert.ThrowsAsync<RequestValidationException>(
            () => Client(server.BaseAddress, http).UpdateActionAsync("buddy", "company-website", 2, 3, invalid));

        Assert.Equal("updateAction", ex.OperationId);
        Assert.Equal([("/name", "minLength"), ("/sleep_in_sec", "maximum")], ex.Errors.Select(static e => (e.InstanceLocation, e.Keyword)));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task DeleteAction_sends_DELETE_and_returns_the_204()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(204, "", new Dictionary<string, string>
        {
            ["X-Rate-Limit-Limit"] = "1000",
            ["X-Rate-Limit-Remaining"] = "998",
        });
        using var http = new HttpClient();

        ApiResponse response = await Client(server.BaseAddress, http).DeleteActionWithResponseAsync("buddy", "company-website", 2, 3);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal((1000, 998), (response.RateLimit.Limit, response.RateLimit.Remaining));
        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(ActionsPath + "/3", request.RawTarget);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_missing_action_is_a_404_ApiException_from_the_fake_buddy()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = Token });
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => Client(server.BaseAddress, http).GetActionAsync("buddy", "company-website", 2, 424242));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(["Action not found."], ex.ErrorMessages);
        Assert.Equal("GET", ex.Method);
    }

    [Theory]
    [InlineData("api/")]
    [InlineData("api")]
    [InlineData("api/v1/")]
    public async Task A_base_address_with_a_path_keeps_the_path(string prefix)
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        await Client(new Uri(server.BaseAddress, prefix), http).AddActionAsync("buddy", "company-website", 2, Seed.Request());

        Assert.Equal("/" + prefix.TrimEnd('/') + ActionsPath, Assert.Single(server.Received).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task The_project_name_is_checked_like_the_domain(string project)
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client(server.BaseAddress, http).GetActionAsync("buddy", project, 2, 3));

        Assert.Equal("projectName", ex.ParamName);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("...", "...")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    [InlineData("ä€", "%C3%A4%E2%82%AC")]
    public async Task Values_that_only_look_like_dot_segments_are_escaped_not_refused(string domain, string segment)
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        await Client(server.BaseAddress, http).AddActionAsync(domain, "company-website", 2, Seed.Request());

        Assert.Equal($"/workspaces/{segment}/projects/company-website/pipelines/2/actions", Assert.Single(server.Received).RawTarget);
    }

    [Fact]
    public async Task A_POST_is_sent_once_even_on_503()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(503, """{ "errors": [ { "message": "Down for maintenance" } ] }""");
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(
            () => Client(server.BaseAddress, http, FastRetry(3)).AddActionAsync("buddy", "company-website", 2, Seed.Request()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_GET_is_retried_on_503_and_succeeds_when_the_server_recovers()
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, n) =>
            n < 3 ? HandlerServer.Json(context, 503, "") : HandlerServer.Json(context, 200, SleepActionBody));
        using var http = new HttpClient();

        PipelineAction action = await Client(server.BaseAddress, http, FastRetry(3)).GetActionAsync("buddy", "company-website", 2, 3);

        Assert.IsType<SleepAction>(action);
        Assert.Equal(3, server.Received.Count);
        Assert.All(server.Received, static r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public async Task Without_rate_limit_headers_the_figures_are_null()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        ApiResponse<PipelineAction> response = await Client(server.BaseAddress, http).AddActionWithResponseAsync("buddy", "company-website", 2, Seed.Request());

        Assert.Equal(new RateLimitInfo(null, null, null), response.RateLimit);
    }

    [Theory]
    [InlineData("""{ "id": 2 }""")]
    [InlineData("""{ "url": "u", "html_url": "h", "id": 2, "name": "n", "type": "SLEEP", "sleep_in_sec": 1 }""")] // not URIs
    [InlineData("not json")]
    [InlineData("")]
    public async Task A_2xx_body_that_is_not_the_documented_json_is_an_ApiResponseFormatException(string body)
    {
        await using HandlerServer server = await HandlerServer.StartAsync((context, _, _) => HandlerServer.Json(context, 201, body));
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ApiResponseFormatException>(
            () => Client(server.BaseAddress, http).AddActionAsync("buddy", "company-website", 2, Seed.Request()));

        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-token-123")]
    [InlineData("base64+token/with+plus==")]
    [InlineData("token<with>html&chars")]
    public async Task A_token_the_server_echoes_in_its_error_never_reaches_the_exception(string token)
    {
        // A server that quotes the Authorization header back in its error, serialized by System.Text.Json
        // (whose default encoder writes '+' as \u002B, '<' as \u003C, ...).
        await using HandlerServer server = await HandlerServer.StartAsync((context, request, _) =>
            HandlerServer.Json(context, 401, new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["message"] = "Token rejected: " + request.Authorization }),
            }.ToJsonString()));
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(
            () => Client(server.BaseAddress, http, token: token).AddActionAsync("buddy", "company-website", 2, Seed.Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        string message = Assert.Single(ex.ErrorMessages);
        Assert.StartsWith("Token rejected: Bearer ", message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, JsonUnescape(ex.ResponseBody ?? ""), StringComparison.Ordinal);
    }

    private static string JsonUnescape(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
