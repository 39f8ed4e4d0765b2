using System.Text.Json;
using SchemaBind.Generator.Model;
using SchemaBind.Runtime;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// JSON Schema drafts 4, 6, 7 and 2019-09 (named by <c>$schema</c>) are read as the 2020-12 schema they mean: the
/// generated code compiles, and the embedded (upgraded) document validates as the draft says.
/// </summary>
public sealed class JsonSchemaDraftTests
{
    private static GeneratorResult Generate(string text)
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/s.json", text, "P"));
        Assert.All(result.RunResult.Results, static r => Assert.Null(r.Exception));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        return result;
    }

    /// <summary>The embedded document the runtime validates with.</summary>
    private static JsonSchemaValidator Embedded(string text)
    {
        ParseResult parsed = Parsing.DocumentParser.Parse(new SchemaFileInput("/p/s.json", text, "P", null), CancellationToken.None);
        Assert.NotNull(parsed.Api);
        return JsonSchemaValidator.Create(parsed.Api!.Document.Json.ToString());
    }

    private static bool Valid(JsonSchemaValidator validator, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return validator.IsValid(document.RootElement);
    }

    [Fact]
    public void Draft4_id_and_boolean_exclusive_bounds_are_read_as_2020_12()
    {
        string text = """
            { "$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/s.json", "title": "Reading",
              "type": "object", "required": ["value"],
              "properties": { "value": { "type": "number", "minimum": 5, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": false } } }
            """;
        GeneratorResult result = Generate(text);
        Assert.Empty(result.SchemaDiagnostics);
        string json = Parsing.DocumentParser.Parse(new SchemaFileInput("/p/s.json", text, "P", null), CancellationToken.None).Api!.Document.Json.ToString();
        Assert.Contains("\"$id\":\"http://example.com/s.json\"", json, StringComparison.Ordinal);
        Assert.Contains("\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"", json, StringComparison.Ordinal);
        JsonSchemaValidator validator = Embedded(text);
        Assert.False(Valid(validator, """{ "value": 5 }"""));
        Assert.True(Valid(validator, """{ "value": 5.5 }"""));
        Assert.True(Valid(validator, """{ "value": 10 }"""));
    }

    [Fact]
    public void Draft4_id_with_a_fragment_is_an_anchor()
    {
        string text = """
            { "$schema": "http://json-schema.org/draft-04/schema#", "$ref": "#/definitions/a",
              "definitions": { "a": { "$ref": "#short" }, "b": { "id": "#short", "type": "integer" } } }
            """;
        JsonSchemaValidator validator = Embedded(text);
        Assert.True(Valid(validator, "3"));
        Assert.False(Valid(validator, "\"x\""));
    }

    [Fact]
    public void Draft7_keywords_beside_ref_are_ignored_with_SB0050_at_the_ref()
    {
        string text = """
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Box", "type": "object",
              "properties": { "name": { "$ref": "#/definitions/Name", "maxLength": 2, "description": "kept" } },
              "definitions": { "Name": { "type": "string" } } }
            """;
        GeneratorResult result = Generate(text);
        var d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0050", d.Id);
        Assert.Equal(text.IndexOf("\"$ref\": \"#/definitions/Name\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("draft 7", d.GetMessage(), StringComparison.Ordinal);
        JsonSchemaValidator validator = Embedded(text);
        Assert.True(Valid(validator, """{ "name": "long name" }""")); // maxLength beside $ref means nothing
        Assert.False(Valid(validator, """{ "name": 1 }"""));
    }

    [Fact]
    public void Array_items_and_additionalItems_are_prefixItems_and_items()
    {
        string text = """
            { "$schema": "http://json-schema.org/draft-06/schema#", "type": "array",
              "items": [{ "type": "string" }, { "type": "integer" }], "additionalItems": false }
            """;
        Generate(text);
        JsonSchemaValidator validator = Embedded(text);
        Assert.True(Valid(validator, """["a", 1]"""));
        Assert.False(Valid(validator, """["a", 1, 2]"""));
        Assert.False(Valid(validator, """[1]"""));

        // beside a single items schema, additionalItems means nothing
        JsonSchemaValidator single = Embedded("""{ "$schema": "http://json-schema.org/draft-07/schema#", "items": { "type": "integer" }, "additionalItems": false }""");
        Assert.True(Valid(single, "[1, 2, 3]"));
    }

    [Fact]
    public void Dependencies_are_dependentRequired_and_dependentSchemas()
    {
        string text = """
            { "$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
              "dependencies": { "card": ["billing"], "vip": { "required": ["level"] } } }
            """;
        Generate(text);
        JsonSchemaValidator validator = Embedded(text);
        Assert.False(Valid(validator, """{ "card": 1 }"""));
        Assert.True(Valid(validator, """{ "card": 1, "billing": 2 }"""));
        Assert.False(Valid(validator, """{ "vip": true }"""));
        Assert.True(Valid(validator, """{ "vip": true, "level": 3 }"""));
    }

    [Fact]
    public void Recursive_references_of_2019_09_are_dynamic_references()
    {
        // A tree whose extension requires every node, however deep, to have a name (the suite's extensible tree).
        string text = """
            { "$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "http://example.com/strict.json",
              "$recursiveAnchor": true,
              "$ref": "tree.json", "required": ["name"],
              "$defs": { "tree": { "$id": "tree.json", "$recursiveAnchor": true, "type": "object",
                "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$recursiveRef": "#" } } } } } }
            """;
        Generate(text);
        JsonSchemaValidator validator = Embedded(text);
        Assert.True(Valid(validator, """{ "name": "a", "children": [{ "name": "b" }] }"""));
        Assert.False(Valid(validator, """{ "name": "a", "children": [{ "children": [] }] }""")); // the child misses name
    }
}
