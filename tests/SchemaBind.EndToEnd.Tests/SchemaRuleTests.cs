// These tests build invalid values on purpose; SB1001 (a constant the schema never accepts) is
// exactly what a user would see for them, and is checked in the generator tests.
#pragma warning disable SB1001

using System.Text.Json;
using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// The rules of the Buddy schema beyond the seed's RUN_DOCKER_CONTAINER fields: the fields common to every
/// action, trigger conditions, the other action types and the PATCH bodies. Each error is checked by JSON
/// Pointer and keyword, and typed Validate() is checked against ValidateJson() of the same value's JSON.
/// </summary>
public sealed class SchemaRuleTests
{
    private static (string Pointer, string Keyword)[] Errors(ActionRequest request) =>
        request.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    private static (string Pointer, string Keyword)[] Errors(ActionPatch patch) =>
        patch.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    /// <summary>The errors of the request's JSON form against its own case's schema (the union only adds oneOf at the root).</summary>
    private static (string Pointer, string Keyword)[] JsonErrors(ActionRequest request)
    {
        using JsonDocument document = JsonDocument.Parse(request.ToJson());
        JsonElement json = document.RootElement;
        IReadOnlyList<ValidationError> errors = request switch
        {
            RunDockerContainerActionRequest => RunDockerContainerActionRequest.ValidateJson(json),
            SleepActionRequest => SleepActionRequest.ValidateJson(json),
            HttpActionRequest => HttpActionRequest.ValidateJson(json),
            SshCommandActionRequest => SshCommandActionRequest.ValidateJson(json),
            SlackActionRequest => SlackActionRequest.ValidateJson(json),
            RunNextPipelineActionRequest => RunNextPipelineActionRequest.ValidateJson(json),
            SftpActionRequest => SftpActionRequest.ValidateJson(json),
            BuildActionRequest => BuildActionRequest.ValidateJson(json),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        Assert.Equal(errors.Count == 0, ActionRequest.JsonSchema.IsValid(json));
        return errors.Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();
    }

    private static SleepActionRequest Sleep() => new() { Name = "Wait", SleepInSec = 5 };

    private static HttpActionRequest Http() => new() { Name = "Ping", NotificationUrl = "https://example.com/hook", Method = HttpRequestMethod.Post };

    private static SshCommandActionRequest Ssh() => new()
    {
        Name = "Deploy",
        Host = "deploy.example.com",
        Port = 22,
        Login = "deployer",
        AuthenticationMode = SshAuthenticationMode.PrivateKey,
        Commands = ["cd /srv", "./deploy.sh"],
    };

    private static SlackActionRequest Slack() => new() { Name = "Notify", Channel = "#builds", Integration = new Integration { HashId = "abc" } };

    private static RunNextPipelineActionRequest Next() => new() { Name = "Next", NextPipeline = new PipelineReference { Id = 7 } };

    public static TheoryData<string, ActionRequest> EveryValidActionType() => new()
    {
        { "RUN_DOCKER_CONTAINER", Seed.Request() },
        { "SLEEP", Sleep() },
        { "HTTP", Http() },
        { "SSH_COMMAND", Ssh() },
        { "SLACK", Slack() },
        { "RUN_NEXT_PIPELINE", Next() },
        { "SFTP", new SftpActionRequest { Name = "Upload" } },
        { "BUILD", new BuildActionRequest { Name = "Build", DockerImageName = "node", DockerImageTag = "22", ExecuteCommands = ["npm ci"] } },
    };

    [Theory]
    [MemberData(nameof(EveryValidActionType))]
    public void A_minimal_valid_request_of_every_type_has_no_error_in_either_form(string type, ActionRequest request)
    {
        Assert.Equal(type, request.Type);
        Assert.Empty(Errors(request));
        Assert.Empty(JsonErrors(request));
    }

    [Fact]
    public void The_integers_every_action_shares_are_at_least_0_and_all_are_reported()
    {
        Assert.Empty(Errors(Sleep() with { AfterActionId = 0, Timeout = 0, RetryCount = 0, RetryInterval = 0 }));

        var invalid = Sleep() with { AfterActionId = -1, Timeout = -1, RetryCount = -1, RetryInterval = -1 };
        (string, string)[] expected =
        [
            ("/after_action_id", "minimum"),
            ("/timeout", "minimum"),
            ("/retry_count", "minimum"),
            ("/retry_interval", "minimum"),
        ];
        Assert.Equal(expected, Errors(invalid));
        Assert.Equal(expected.Order(), JsonErrors(invalid).Order());

        Assert.Equal(expected, Errors(Seed.Request() with { AfterActionId = long.MinValue, Timeout = int.MinValue, RetryCount = -5, RetryInterval = -9 }));
    }

    [Fact]
    public void Several_missing_required_properties_are_each_reported_at_the_object()
    {
        ValidationError[] errors = [.. (Seed.Request() with { Name = null!, DockerImageName = null!, DockerImageTag = null!, InlineCommands = null! }).Validate()];

        Assert.Equal(4, errors.Length);
        Assert.All(errors, static e => Assert.Equal(("", "required"), (e.InstanceLocation, e.Keyword)));
        Assert.Equal(
            ["'name'", "'docker_image_name'", "'docker_image_tag'", "'inline_commands'"],
            errors.Select(static e => e.Message[e.Message.IndexOf('\'')..(e.Message.IndexOf('\'', e.Message.IndexOf('\'') + 1) + 1)]));
    }

    [Fact]
    public void Variables_are_validated_item_by_item()
    {
        Assert.Equal([("/variables/0", "required")], Errors(Seed.Request() with { Variables = [new Variable { Key = null!, Value = "v" }] }));
        Assert.Equal(
            [("/variables/0", "required"), ("/variables/2", "required"), ("/variables/2", "required"), ("/variables/3", "type")],
            Errors(Seed.Request() with
            {
                Variables = [new Variable { Key = "k", Value = null! }, new Variable { Key = "ok", Value = "" }, new Variable { Key = null!, Value = null! }, null!],
            }));
    }

    [Fact]
    public void Trigger_conditions_check_their_text_hours_and_days_with_nested_pointers()
    {
        var valid = new TriggerCondition { TriggerConditionValue = "DATETIME", TriggerHours = [0, 12, 23], TriggerDays = [1, 7], Timezone = "UTC" };
        Assert.Empty(Errors(Sleep() with { TriggerConditions = [valid] }));

        var request = Sleep() with
        {
            TriggerConditions =
            [
                valid,
                new TriggerCondition { TriggerConditionValue = "", TriggerHours = [0, 24, -1, 23], TriggerDays = [0, 1, 8] },
                new TriggerCondition { TriggerConditionValue = null! },
            ],
        };
        (string, string)[] expected =
        [
            ("/trigger_conditions/1/trigger_condition", "minLength"),
            ("/trigger_conditions/1/trigger_hours/1", "maximum"),
            ("/trigger_conditions/1/trigger_hours/2", "minimum"),
            ("/trigger_conditions/1/trigger_days/0", "minimum"),
            ("/trigger_conditions/1/trigger_days/2", "maximum"),
            ("/trigger_conditions/2", "required"),
        ];
        Assert.Equal(expected, Errors(request));
    }

    [Fact]
    public void Trigger_conditions_in_json_give_the_same_pointers_as_the_typed_form()
    {
        var request = Sleep() with
        {
            TriggerConditions = [new TriggerCondition { TriggerConditionValue = "", TriggerHours = [24], TriggerDays = [0] }],
        };

        Assert.Equal(Errors(request).Order(), JsonErrors(request).Order());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(0, false)]
    [InlineData(65536, false)]
    public void Http_port_is_1_to_65535(int port, bool valid)
    {
        var errors = Errors(Http() with { Port = port });
        Assert.Equal(valid ? [] : [("/port", port < 1 ? "minimum" : "maximum")], errors);
        Assert.Equal(errors, JsonErrors(Http() with { Port = port }));
    }

    [Fact]
    public void Http_checks_its_url_method_and_headers_all_at_once()
    {
        var request = Http() with
        {
            NotificationUrl = "",
            Method = (HttpRequestMethod)77,
            Headers = [new HttpHeader { Name = "X-Ok", Value = "" }, new HttpHeader { Name = "", Value = "v" }, new HttpHeader { Name = "X-Null", Value = null! }],
        };

        Assert.Equal(
            [("/notification_url", "minLength"), ("/method", "enum"), ("/headers/1/name", "minLength"), ("/headers/2", "required")],
            Errors(request));
    }

    [Fact]
    public void Ssh_command_checks_host_port_login_modes_and_commands()
    {
        Assert.Equal(
            [("/host", "minLength"), ("/port", "minimum"), ("/login", "minLength"), ("/authentication_mode", "enum"), ("/commands/1", "type"), ("/shell", "enum")],
            Errors(Ssh() with { Host = "", Port = 0, Login = "", AuthenticationMode = (SshAuthenticationMode)9, Commands = ["ok", null!], Shell = (Shell)5 }));

        Assert.Equal([("", "required"), ("", "required")], Errors(Ssh() with { Host = null!, Commands = null! }));
        Assert.Equal([("/port", "maximum")], Errors(Ssh() with { Port = 70000 }));
    }

    [Fact]
    public void Slack_needs_a_channel_and_an_integration()
    {
        Assert.Equal([("/channel", "minLength")], Errors(Slack() with { Channel = "" }));
        Assert.Equal([("", "required"), ("", "required")], Errors(Slack() with { Channel = null!, Integration = null! }));
    }

    [Fact]
    public void Run_next_pipeline_needs_its_pipeline_and_known_enum_values()
    {
        Assert.Equal([("", "required")], Errors(Next() with { NextPipeline = null! }));
        Assert.Equal(
            [("/revision", "enum"), ("/priority", "enum")],
            Errors(Next() with { Revision = (PipelineRevision)3, Priority = (ExecutionPriority)(-1) }));
        Assert.Empty(Errors(Next() with { Revision = PipelineRevision.Inherit, Priority = ExecutionPriority.High, Wait = true }));
    }

    [Fact]
    public void Build_checks_the_same_image_rules_as_run_docker_container()
    {
        var build = new BuildActionRequest { Name = "Build", DockerImageName = "", DockerImageTag = "", ExecuteCommands = ["make"], VolumeMappings = ["/a:/b", "nope"] };

        Assert.Equal(
            [("/docker_image_name", "minLength"), ("/docker_image_tag", "minLength"), ("/volume_mappings/1", "pattern")],
            Errors(build).OrderBy(static e => e.Pointer, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("/:/buddy/mount/directory", true)]
    [InlineData("a:b", true)]
    [InlineData("C\\data:/data", true)]
    [InlineData("a:b:c", false)]
    [InlineData(":/only-container", false)]
    [InlineData("/only-host:", false)]
    [InlineData(":", false)]
    [InlineData("", false)]
    public void Volume_mappings_have_exactly_one_colon_between_two_paths(string mapping, bool valid)
    {
        var request = Seed.Request() with { VolumeMappings = [mapping] };
        Assert.Equal(valid ? [] : [("/volume_mappings/0", "pattern")], Errors(request));
        Assert.Equal(Errors(request), JsonErrors(request));
    }

    [Fact]
    public void A_patch_needs_no_field_but_checks_those_it_has()
    {
        Assert.Empty(Errors(new SleepActionPatch()));
        Assert.Empty(Errors(new RunDockerContainerActionPatch()));
        Assert.Equal(
            [("/name", "minLength"), ("/sleep_in_sec", "minimum"), ("/retry_count", "minimum")],
            Errors(new SleepActionPatch { Name = "", SleepInSec = -1, RetryCount = -1 }));
        Assert.Equal(
            [("/docker_image_tag", "minLength"), ("/volume_mappings/0", "pattern"), ("/docker_build_action_id", "minimum")],
            Errors(new RunDockerContainerActionPatch { DockerImageTag = "", VolumeMappings = ["x"], DockerBuildActionId = -1 }));
    }

    [Fact]
    public void An_undefined_trigger_time_on_any_action_type_is_an_enum_error()
    {
        foreach (ActionRequest request in new ActionRequest[]
        {
            Sleep() with { TriggerTime = (TriggerTime)99 },
            Http() with { TriggerTime = (TriggerTime)99 },
            Next() with { TriggerTime = (TriggerTime)99 },
            new SftpActionRequest { Name = "Upload", TriggerTime = (TriggerTime)99 },
        })
        {
            Assert.Equal([("/trigger_time", "enum")], Errors(request));
        }
    }

    [Fact]
    public void Validation_errors_carry_a_message_and_format_with_their_pointer()
    {
        ValidationError error = Assert.Single((Sleep() with { SleepInSec = 1201 }).Validate());

        Assert.Equal("/sleep_in_sec", error.InstanceLocation);
        Assert.Contains("1200", error.Message, StringComparison.Ordinal);
        Assert.Contains("/sleep_in_sec", error.ToString(), StringComparison.Ordinal);
    }
}
