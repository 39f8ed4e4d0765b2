using System.Text.Json;
using System.Text.Json.Nodes;
using Buddy.Api;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>The generated reflection-free serialization.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void A_request_round_trips_and_the_discriminator_is_written_automatically()
    {
        RunDockerContainerActionRequest request = Seed.Request();
        string json = request.ToJson();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Seed.RequestBody), JsonNode.Parse(json)), json);

        var back = Assert.IsType<RunDockerContainerActionRequest>(ActionRequest.FromJson(json));
        Assert.Equal(json, back.ToJson());
        Assert.Equal(RunDockerContainerActionRequest.TypeValue, back.Type);
    }

    [Fact]
    public void The_union_picks_its_case_by_type_wherever_the_property_stands()
    {
        ActionRequest sleep = ActionRequest.FromJson("""{ "name": "Wait", "sleep_in_sec": 3, "type": "SLEEP" }""");
        Assert.Equal(3, Assert.IsType<SleepActionRequest>(sleep).SleepInSec);
    }

    [Fact]
    public void A_discriminator_written_with_escapes_still_picks_its_case()
    {
        // The union matches the unescaped characters (a span on the stack), the case compares its const the same way.
        ActionRequest sleep = ActionRequest.FromJson("""{ "name": "Wait", "sleep_in_sec": 3, "type": "SL\u0045EP" }""");
        Assert.Equal(3, Assert.IsType<SleepActionRequest>(sleep).SleepInSec);
        Assert.Equal("SLEEP", sleep.Type);

        var docker = Assert.IsType<RunDockerContainerAction>(PipelineAction.FromJson("""
            { "url": "https://api.test/a/5", "html_url": "https://app.test/a/5", "id": 5, "name": "n", "type": "RUN\u005fDOCKER\u005FCONTAINER" }
            """));
        Assert.Equal(5, docker.Id);
    }

    [Fact]
    public void Member_names_written_with_escapes_are_still_matched()
    {
        // Names as written are compared as bytes; an escaped name goes through the reader's unescaping comparison.
        var sleep = Assert.IsType<SleepActionRequest>(ActionRequest.FromJson("""{ "n\u0061me": "Wait", "sleep\u005fin_sec": 3, "\u0074ype": "SLEEP" }"""));
        Assert.Equal(("Wait", 3), (sleep.Name, sleep.SleepInSec));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sleep")]
    [InlineData("SLEEPING")]
    [InlineData("A_TYPE_LONGER_THAN_SIXTY_FOUR_CHARACTERS_WHICH_NO_STACK_BUFFER_OF_THE_UNION_CAN_HOLD_\\u00e9")]
    public void A_discriminator_of_no_known_case_is_read_as_Unknown_with_its_exact_text(string written)
    {
        string expected = JsonSerializer.Deserialize<string>("\"" + written + "\"")!;
        var unknown = Assert.IsType<PipelineAction.Unknown>(PipelineAction.FromJson("""{ "id": 5, "type": """ + "\"" + written + "\"" + " }"));
        Assert.Equal(expected, unknown.Type);
    }

    [Fact]
    public void A_case_read_on_its_own_with_another_type_says_which()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => SleepActionRequest.FromJson("""{ "name": "Wait", "sleep_in_sec": 3, "type": "SL\u0045EPY" }"""));
        Assert.Contains("'SLEEPY'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "type": 7 }""", "'type'")]
    [InlineData("""{ "name": "x" }""", "'type'")]
    [InlineData("""{ "type": "SLEEP", "name": "x" }""", "sleep_in_sec")]
    [InlineData("""{ "type": "SLEEP", "name": "x", "sleep_in_sec": "ten" }""", "integer")]
    [InlineData("""[1, 2]""", "object")]
    public void Bad_json_is_a_JsonException_that_says_what_is_wrong(string json, string mentioned)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => ActionRequest.FromJson(json));
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_properties_from_a_server_are_skipped()
    {
        var action = (SleepAction)PipelineAction.FromJson("""
            { "url": "https://api.test/a/5", "html_url": "https://app.test/a/5", "id": 5, "name": "n", "type": "SLEEP", "sleep_in_sec": 1,
              "new_field": { "nested": [1, 2, { "x": null }] }, "timeout": 30 }
            """);
        Assert.Equal(5, action.Id);
    }

    [Fact]
    public void Nulls_from_the_server_read_as_null()
    {
        var action = (RunDockerContainerAction)PipelineAction.FromJson("""
            { "url": "https://api.test/a/5", "html_url": "https://app.test/a/5", "id": 5, "name": "n", "type": "RUN_DOCKER_CONTAINER", "run_as_user": null, "registry": null }
            """);
        Assert.Null(action.RunAsUser);
        Assert.Null(action.Registry);
    }

    [Fact]
    public void System_Text_Json_uses_the_generated_converters()
    {
        ActionRequest request = new SleepActionRequest { Name = "Wait", SleepInSec = 9 };
        string json = JsonSerializer.Serialize(request);
        Assert.Equal("""{"type":"SLEEP","name":"Wait","sleep_in_sec":9}""", json);
        Assert.IsType<SleepActionRequest>(JsonSerializer.Deserialize<ActionRequest>(json));
        Assert.Equal("\"ON_WAIT_FOR_APPROVE\"", JsonSerializer.Serialize(TriggerTime.OnWaitForApprove));
    }

    [Fact]
    public void ToString_redacts_the_registry_password()
    {
        RunDockerContainerActionRequest request = Seed.Request() with { Login = "me", Password = "p@ss-w0rd-secret" };
        string text = request.ToString();
        Assert.DoesNotContain("p@ss-w0rd-secret", text, StringComparison.Ordinal);
        Assert.Contains("\"password\":\"***\"", text, StringComparison.Ordinal);
        Assert.Contains("p@ss-w0rd-secret", request.ToJson(), StringComparison.Ordinal); // the wire form is unchanged
    }
}

/// <summary>The JSON form of validation: any JSON against the schema, with full JSON Schema semantics.</summary>
public sealed class JsonValidationTests
{
    [Fact]
    public void The_seed_response_is_valid_json_for_its_schema()
    {
        using JsonDocument response = JsonDocument.Parse(Seed.ResponseBody);
        Assert.Empty(PipelineAction.ValidateJson(response.RootElement));
        Assert.Empty(RunDockerContainerAction.ValidateJson(response.RootElement));
    }

    [Fact]
    public void Json_that_breaks_the_schema_gives_pointers_and_keywords()
    {
        using JsonDocument request = JsonDocument.Parse("""{ "type": "SLEEP", "name": "", "sleep_in_sec": 5000 }""");
        var errors = SleepActionRequest.ValidateJson(request.RootElement).Select(static e => (e.InstanceLocation, e.Keyword)).ToList();
        Assert.Equal([("/name", "minLength"), ("/sleep_in_sec", "maximum")], errors);
    }

    [Fact]
    public void The_union_schema_rejects_a_body_that_matches_no_case()
    {
        using JsonDocument request = JsonDocument.Parse("""{ "type": "SLEEP", "name": "x" }""");
        ValidationErrorAssert.HasKeyword(ActionRequest.ValidateJson(request.RootElement), "oneOf");
        Assert.False(ActionRequest.JsonSchema.IsValid(request.RootElement));
    }
}

internal static class ValidationErrorAssert
{
    public static void HasKeyword(IReadOnlyList<SchemaBind.Runtime.ValidationError> errors, string keyword) =>
        Assert.Contains(errors, e => e.Keyword == keyword);
}
