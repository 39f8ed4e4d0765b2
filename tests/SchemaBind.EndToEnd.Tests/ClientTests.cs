using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Buddy.Api;
using Buddy.FakeServer;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>The generated client against real Kestrel servers on loopback.</summary>
public sealed class ClientTests
{
    private const string Token = "e2e-secret-token-7f3a";

    private static BuddyClient Client(Uri baseAddress, HttpClient http) =>
        new(http, new ApiClientOptions { BaseAddress = baseAddress, AccessToken = Token });

    [Fact]
    public async Task The_seed_request_arrives_exactly_as_the_seed_page_shows_it()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = Token });
        using var http = new HttpClient();

        PipelineAction created = await Client(server.BaseAddress, http).AddActionAsync("buddy", "company-website", 2, Seed.Request());

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/workspaces/buddy/projects/company-website/pipelines/2/actions", request.Path);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(Seed.RequestBody), JsonNode.Parse(request.Body)),
            "The body sent differs from the seed's example: " + Encoding.UTF8.GetString(request.Body));

        var action = Assert.IsType<RunDockerContainerAction>(created);
        Assert.Equal("Run container", action.Name);
        Assert.Equal("RUN_DOCKER_CONTAINER", action.Type);
        Assert.Equal("Live mirror", action.Pipeline?.Name);
    }

    [Fact]
    public async Task The_seed_response_deserializes_with_every_field_and_the_rate_limit_figures()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody, new Dictionary<string, string>
        {
            ["X-Rate-Limit-Limit"] = "1",
            ["X-Rate-Limit-Remaining"] = "999",
            ["X-Rate-Limit-Reset"] = "1764180000",
        });
        using var http = new HttpClient();

        ApiResponse<PipelineAction> response = await Client(server.BaseAddress, http)
            .AddActionWithResponseAsync("buddy", "company-website", 2, Seed.Request());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, response.RateLimit.Limit);
        Assert.Equal(999, response.RateLimit.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764180000), response.RateLimit.Reset);

        var action = Assert.IsType<RunDockerContainerAction>(response.Value);
        Assert.Equal("https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2/actions/2", action.Url.OriginalString);
        Assert.Equal("https://app.buddy.works/buddy/company-website/pipelines/action/2/edit", action.HtmlUrl.OriginalString);
        Assert.Equal(2, action.Id);
        Assert.Equal("Run container", action.Name);
        Assert.Equal(TriggerTime.OnEveryExecution, action.TriggerTime);
        Assert.Equal(ExecutionStatus.Initial, action.LastExecutionStatus);
        Assert.Equal("library/ubuntu", action.DockerImageName);
        Assert.Equal("latest", action.DockerImageTag);
        Assert.Equal("ls -al > ls.log", action.InlineCommands);
        Assert.Equal("$containerUser", action.RunAsUser);
        Assert.False(action.MountFilesystemDisable);
        Assert.Equal(["/:/buddy/mount/directory"], action.VolumeMappings);
        Assert.Equal("/exportPath", action.ExportContainerPath);
        Assert.Equal("/bin/sh", action.Entrypoint);

        PipelineSummary pipeline = Assert.IsType<PipelineSummary>(action.Pipeline);
        Assert.Equal("https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2", pipeline.Url.OriginalString);
        Assert.Equal("https://app.buddy.works/buddy/company-website/pipelines/pipeline/2", pipeline.HtmlUrl.OriginalString);
        Assert.Equal(2, pipeline.Id);
        Assert.Equal("Live mirror", pipeline.Name);
        Assert.Equal(PipelineSummaryOn.Click, pipeline.On);
        Assert.Equal(["refs/heads/master"], pipeline.Refs);
        Assert.Equal(ExecutionStatus.Successful, pipeline.LastExecutionStatus);
        Assert.Equal("506a3963507943d6908154f4bc9646e829128a08", pipeline.LastExecutionRevision);
    }

    [Fact]
    public async Task Path_parameters_are_escaped_as_single_segments()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        await Client(server.BaseAddress, http).AddActionAsync("a b/c", "p?q#r", 7, Seed.Request());

        Assert.Equal("/workspaces/a%20b%2Fc/projects/p%3Fq%23r/pipelines/7/actions", Assert.Single(server.Received).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Path_parameters_that_would_change_the_url_are_refused_and_nothing_is_sent(string domain)
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client(server.BaseAddress, http).AddActionAsync(domain, "p", 1, Seed.Request()));
        Assert.Equal("domain", ex.ParamName);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task An_invalid_request_is_never_sent()
    {
        await using HandlerServer server = await ScriptedServer.StartAsync(201, Seed.ResponseBody);
        using var http = new HttpClient();
        BuddyClient client = Client(server.BaseAddress, http);

#pragma warning disable SB1001 // invalid on purpose
        ActionRequest[] invalid =
        [
            new RunDockerContainerActionRequest { Name = "x", DockerImageName = "ubuntu", DockerImageTag = "", InlineCommands = "ls" },
            new SleepActionRequest { Name = "Wait", SleepInSec = 5000 },
            new RunDockerContainerActionRequest { Name = "x", DockerImageName = "ubuntu", DockerImageTag = "1", InlineCommands = "ls", VolumeMappings = ["no-colon"] },
            new SleepActionRequest { Name = null!, SleepInSec = 1 },
        ];
#pragma warning restore SB1001
        foreach (ActionRequest request in invalid)
        {
            var ex = await Assert.ThrowsAsync<RequestValidationException>(() => client.AddActionAsync("buddy", "p", 1, request));
            Assert.NotEmpty(ex.Errors);
            Assert.Equal("addAction", ex.OperationId);
        }

        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(400, HttpStatusCode.BadRequest)]
    [InlineData(403, HttpStatusCode.Forbidden)]
    [InlineData(404, HttpStatusCode.NotFound)]
    public async Task Error_responses_become_ApiException_with_the_servers_messages_and_no_token(int status, HttpStatusCode expected)
    {
        const string errors = """{ "errors": [ { "message": "Pipeline not found" }, { "message": "Check the ID" } ] }""";
        await using HandlerServer server = await ScriptedServer.StartAsync(status, errors);
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => Client(server.BaseAddress, http).AddActionAsync("buddy", "p", 1, Seed.Request()));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Equal(["Pipeline not found", "Check the ID"], ex.ErrorMessages);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/workspaces/buddy/projects/p/pipelines/1/actions", ex.Path);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_sleep_action_round_trips_through_the_fake_buddy()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = Token });
        using var http = new HttpClient();

        PipelineAction created = await Client(server.BaseAddress, http)
            .AddActionAsync("buddy", "company-website", 2, new SleepActionRequest { Name = "Wait", SleepInSec = 30, TriggerTime = TriggerTime.OnFailure });

        JsonNode sent = JsonNode.Parse(Assert.Single(server.Requests).Body)!;
        Assert.Equal("SLEEP", (string?)sent["type"]);
        Assert.Equal(30, (int?)sent["sleep_in_sec"]);
        Assert.Equal("ON_FAILURE", (string?)sent["trigger_time"]);
        var sleep = Assert.IsType<SleepAction>(created);
        Assert.Equal(30, sleep.SleepInSec);
        Assert.Equal(TriggerTime.OnFailure, sleep.TriggerTime);
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_ApiException()
    {
        await using BuddyFakeServer server = await BuddyFakeServer.StartAsync(new BuddyFakeServerOptions { AccessToken = "the-right-one" });
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => Client(server.BaseAddress, http).AddActionAsync("buddy", "p", 1, Seed.Request()));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.NotEmpty(ex.ErrorMessages);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }
}
