using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Rules about which members an object has (dependentRequired, if/then/else, anyOf/oneOf/not of required and
/// const/enum/pattern tests) become typed code; a rule beyond that stays with the JSON form, or is SB0004
/// where the object has none. Their behaviour at run time is in the end-to-end PermitRuleTests.
/// </summary>
public sealed class RuleGenerationTests
{
    private const string Operation = """
        {
          "openapi": "3.1.0",
          "info": { "title": "T", "version": "1" },
          "paths": { "/deploy": { "post": {
            "operationId": "deploy",
            "requestBody": { "required": true, "content": { "application/json": { "schema": {
              "type": "object",
              "properties": { "target": { "type": "string" }, "region": { "type": "string" }, "login": { "type": "string" } },
              "dependentRequired": { "region": ["login"] },
              "if": { "properties": { "target": { "const": "ECR" } } },
              "then": { "required": ["region"] } } } } },
            "responses": { "204": { "description": "ok" } } } } }
        }
        """;

    [Fact]
    public void Rules_of_an_object_inline_in_an_operation_are_typed_code_without_a_warning()
    {
        // Such an object has no JSON Schema of its own: before, these rules could only be SB0004. As in JSON
        // Schema, an absent target passes the if (properties tests only the members that are there).
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/deploy.json", Operation, "Ops"));

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string source = result.Sources.Single(s => s.SourceText.ToString().Contains("class DeployRequest", StringComparison.Ordinal) || s.SourceText.ToString().Contains("record DeployRequest", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("if (Target is null or \"ECR\")", source, StringComparison.Ordinal);
        Assert.Contains("The property 'login' is required when 'region' is present.", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_beyond_the_typed_subset_is_SB0004_on_each_rule_keyword_where_there_is_no_json_form()
    {
        // minLength in a condition is not a typed test: the whole set of rules goes back, none is half checked.
        string schema = Operation.Replace("{ \"const\": \"ECR\" }", "{ \"minLength\": 3 }", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/deploy.json", schema, "Ops"));

        Assert.All(result.SchemaDiagnostics, d => Assert.Equal("SB0004", d.Id));
        Assert.Equal(
            new[] { "\"dependentRequired\"", "\"if\"", "\"then\"" },
            result.SchemaDiagnostics.Select(d => schema.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Sources, s => s.SourceText.ToString().Contains("is required when", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_beyond_the_typed_subset_leaves_a_named_schema_to_its_json_form()
    {
        string schema = """
            {
              "title": "Login",
              "type": "object",
              "properties": { "user": { "type": "string" }, "password": { "type": "string" } },
              "dependentRequired": { "user": ["password"] },
              "if": { "properties": { "user": { "minLength": 3 } } },
              "then": { "required": ["password"] }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/login.json", schema, "Shapes"));

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string source = result.Source("Shapes.Login.g.cs");
        Assert.Contains("JsonValidation.AddErrors(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("is required when", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_whose_rules_are_all_typed_has_no_json_form_in_validate()
    {
        string schema = """
            {
              "title": "Login",
              "type": "object",
              "properties": { "user": { "type": "string" }, "password": { "type": "string" }, "sso": { "type": "boolean" } },
              "dependentRequired": { "user": ["password"] },
              "not": { "required": ["sso", "password"] },
              "if": { "properties": { "sso": { "const": false } } },
              "then": { "anyOf": [ { "required": ["user"] }, { "required": ["password"] } ] }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/login.json", schema, "Shapes"));

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string source = result.Source("Shapes.Login.g.cs");
        Assert.DoesNotContain("JsonValidation.AddErrors(", source, StringComparison.Ordinal);
        Assert.Contains("if (Sso is not null && Password is not null)", source, StringComparison.Ordinal);
        Assert.Contains("if (Sso is null or false)", source, StringComparison.Ordinal);
    }
}
