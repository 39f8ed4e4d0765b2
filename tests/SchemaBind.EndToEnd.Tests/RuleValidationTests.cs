using EndToEnd.Rules;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>Rules beyond the C# type (if/then, dependentRequired, uniqueItems) are enforced by typed Validate().</summary>
public sealed class RuleValidationTests
{
    private static (string Pointer, string Keyword)[] Errors(Deployment value) =>
        value.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).ToArray();

    [Fact]
    public void A_value_that_meets_every_rule_is_valid()
    {
        Assert.Empty(Errors(new Deployment { Target = DeploymentTarget.Gcr, Registry = "gcr.io/acme", Login = "ci", Password = "x", Tags = ["a", "b"] }));
    }

    [Fact]
    public void If_then_rules_apply_to_the_typed_value()
    {
        Assert.Equal([("", "required")], Errors(new Deployment { Target = DeploymentTarget.Gcr }));
        Assert.Equal([("", "required")], Errors(new Deployment { Target = DeploymentTarget.Ecr }));
        Assert.Empty(Errors(new Deployment { Target = DeploymentTarget.DockerHub }));
    }

    [Fact]
    public void Dependent_required_and_unique_items_apply_with_their_pointers()
    {
        var errors = Errors(new Deployment { Target = DeploymentTarget.Private, Login = "ci", Tags = ["a", "a"] });
        Assert.Equal([("", "dependentRequired"), ("/tags", "uniqueItems")], errors.OrderBy(static e => e.Pointer, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void The_json_form_and_the_typed_form_agree()
    {
        var value = new Deployment { Target = DeploymentTarget.Gcr, Login = "ci" };
        using var json = System.Text.Json.JsonDocument.Parse(value.ToJson());
        Assert.Equal(
            Deployment.ValidateJson(json.RootElement).Select(static e => (e.InstanceLocation, e.Keyword)).Order(),
            value.Validate().Select(static e => (e.InstanceLocation, e.Keyword)).Order());
    }
}
