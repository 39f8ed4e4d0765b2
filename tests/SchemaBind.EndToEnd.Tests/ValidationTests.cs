// These tests build invalid values on purpose; SB1001 (a constant the schema never accepts) is
// exactly what a user would see for them, and is checked in the generator tests.
#pragma warning disable SB1001

using Buddy.Api;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>Every rule of the Buddy schema, valid and invalid, with the JSON Pointer and keyword of each error.</summary>
public sealed class ValidationTests
{
    private static RunDockerContainerActionRequest Docker() => Seed.Request();

    private static (string Pointer, string Keyword)[] Errors(ActionRequest request) =>
        request.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    [Fact]
    public void The_seed_request_is_valid() => Assert.Empty(Seed.Request().Validate());

    [Fact]
    public void A_null_required_property_is_a_required_error_at_the_object()
    {
        ValidationError error = Assert.Single(new SleepActionRequest { Name = null!, SleepInSec = 1 }.Validate());
        Assert.Equal(("", "required"), (error.InstanceLocation, error.Keyword));
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("docker_image_name")]
    [InlineData("docker_image_tag")]
    public void Empty_required_strings_break_minLength(string property)
    {
        RunDockerContainerActionRequest request = property switch
        {
            "name" => Docker() with { Name = "" },
            "docker_image_name" => Docker() with { DockerImageName = "" },
            _ => Docker() with { DockerImageTag = "" },
        };
        Assert.Equal([("/" + property, "minLength")], Errors(request));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1200, true)]
    [InlineData(-1, false)]
    [InlineData(1201, false)]
    public void Sleep_is_between_0_and_1200_seconds(int seconds, bool valid)
    {
        var errors = Errors(new SleepActionRequest { Name = "Wait", SleepInSec = seconds });
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([("/sleep_in_sec", seconds < 0 ? "minimum" : "maximum")], errors);
        }
    }

    [Fact]
    public void Docker_build_action_id_is_not_negative()
    {
        Assert.Empty(Errors(Docker() with { UseImageFromAction = true, DockerBuildActionId = 0 }));
        Assert.Equal([("/docker_build_action_id", "minimum")], Errors(Docker() with { DockerBuildActionId = -5 }));
    }

    [Fact]
    public void Volume_mappings_are_path_colon_path_item_by_item()
    {
        var errors = Errors(Docker() with { VolumeMappings = ["/a:/b", "no-colon", "/c:/d", ":/missing-host"] });
        Assert.Equal([("/volume_mappings/1", "pattern"), ("/volume_mappings/3", "pattern")], errors);
    }

    [Fact]
    public void Nested_variables_are_validated_with_their_index()
    {
        var errors = Errors(Docker() with { Variables = [new Variable { Key = "ok", Value = "v" }, new Variable { Key = null!, Value = "v" }] });
        Assert.Equal([("/variables/1", "required")], errors);
    }

    [Fact]
    public void A_null_item_in_a_list_is_a_type_error()
    {
        var errors = Errors(Docker() with { VolumeMappings = ["/a:/b", null!] });
        Assert.Equal([("/volume_mappings/1", "type")], errors);
    }

    [Fact]
    public void An_undefined_enum_value_is_an_enum_error()
    {
        Assert.Equal([("/trigger_time", "enum")], Errors(Docker() with { TriggerTime = (TriggerTime)99 }));
    }

    [Fact]
    public void All_errors_are_reported_not_just_the_first()
    {
        var errors = Errors(Docker() with
        {
            Name = "",
            DockerImageTag = "",
            VolumeMappings = ["bad"],
            DockerBuildActionId = -1,
            TriggerTime = (TriggerTime)42,
        });
        Assert.Equal(
            [("/name", "minLength"), ("/trigger_time", "enum"), ("/docker_image_tag", "minLength"), ("/volume_mappings/0", "pattern"), ("/docker_build_action_id", "minimum")],
            errors);
    }

    [Fact]
    public void Messages_never_contain_the_value()
    {
        const string secret = "hunter2-but-not-a-path";
        ValidationError error = Assert.Single((Docker() with { VolumeMappings = [secret] }).Validate());
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The seed page's prose rules, encoded in the Buddy schema and enforced by typed Validate().</summary>
public sealed class BuddyRuleTests
{
    private static (string Pointer, string Keyword)[] Errors(RunDockerContainerActionRequest request) =>
        request.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    [Fact]
    public void An_image_from_amazon_ecr_needs_an_integration()
    {
        Assert.Equal([("", "dependentRequired")], Errors(Seed.Request() with { Region = "eu-west-1", Integration = null }));
        Assert.Empty(Errors(Seed.Request() with { Region = "eu-west-1" }));
    }

    [Theory]
    [InlineData("gcr.io/acme", false)]
    [InlineData("europe-docker.pkg.dev/acme/images", false)]
    [InlineData("registry.example.com", true)]
    public void An_image_from_google_gcr_needs_an_integration(string registry, bool validWithoutIntegration)
    {
        var errors = Errors(Seed.Request() with { Registry = registry, Integration = null });
        if (validWithoutIntegration)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([("", "required")], errors);
        }

        Assert.Empty(Errors(Seed.Request() with { Registry = registry }));
    }

    [Fact]
    public void An_image_from_a_build_action_names_the_action_by_id_or_name()
    {
        Assert.Equal([("", "anyOf")], Errors(Seed.Request() with { UseImageFromAction = true }));
        Assert.Empty(Errors(Seed.Request() with { UseImageFromAction = true, DockerBuildActionId = 0 }));
        Assert.Empty(Errors(Seed.Request() with { UseImageFromAction = true, DockerBuildActionName = "Build image" }));
        Assert.Empty(Errors(Seed.Request() with { UseImageFromAction = false }));
    }
}
