using System.Text.Json;
using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Model;
using SchemaBind.Runtime;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// JSON Schema drafts 4, 6, 7 and 2019-09 (chosen by <c>$schema</c>) are read with their own meaning: the tree is
/// upgraded into 2020-12 before parsing, and the upgraded document is what the runtime validates.
/// </summary>
public sealed class JsonSchemaDraftTests
{
    private const string Draft7 = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Widget",
          "type": "object",
          "definitions": { "Code": { "type": "string" } },
          "properties": {
            "code": { "$ref": "#/definitions/Code", "maxLength": 3 },
            "size": { "type": "integer", "maximum": 5, "exclusiveMaximum": 4 },
            "pair": { "type": "array", "items": [ { "type": "string" }, { "type": "integer" } ], "additionalItems": false }
          },
          "dependencies": { "code": ["size"], "pair": { "required": ["code"] } }
        }
        """;

    private static ParseResult Parse(string text) =>
        Parsing.DocumentParser.Parse(new SchemaFileInput("/p/widget.json", text, "P", null), CancellationToken.None);

    private static bool Valid(ParseResult result, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return JsonSchemaValidator.Create(result.Api!.Document.Json.ToString()).IsValid(document.RootElement);
    }

    [Fact]
    public void A_draft7_schema_generates_clean_with_its_own_meaning_of_ref_tuples_and_dependencies()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/widget.json", Draft7, "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        // Keywords beside $ref are ignored in draft 7, and SB0050 says so where the $ref is.
        Diagnostic ignored = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0050", ignored.Id);
        Assert.Equal(Draft7.IndexOf("\"$ref\": \"#/definitions/Code\"", StringComparison.Ordinal), ignored.Location.SourceSpan.Start);

        ParseResult parsed = Parse(Draft7);
        Assert.True(Valid(parsed, """{ "code": "longer than three", "size": 3 }"""));   // maxLength beside $ref ignored
        Assert.False(Valid(parsed, """{ "code": 1, "size": 3 }"""));                     // the $ref itself applies
        Assert.False(Valid(parsed, """{ "size": 4 }"""));                                // exclusiveMaximum 4
        Assert.True(Valid(parsed, """{ "pair": ["a", 1], "code": "x", "size": 1 }"""));
        Assert.False(Valid(parsed, """{ "pair": [1, "a"], "code": "x", "size": 1 }""")); // tuple items
        Assert.False(Valid(parsed, """{ "pair": ["a", 1, 2], "code": "x", "size": 1 }""")); // additionalItems: false
        Assert.False(Valid(parsed, """{ "code": "x" }"""));                              // dependencies: code needs size
        Assert.False(Valid(parsed, """{ "pair": ["a", 1] }"""));                         // dependencies: pair needs code
    }

    [Fact]
    public void A_draft4_schema_reads_boolean_exclusive_bounds_and_id()
    {
        string text = Draft7.Replace("draft-07", "draft-04", StringComparison.Ordinal)
            .Replace("\"maximum\": 5, \"exclusiveMaximum\": 4", "\"minimum\": 1, \"exclusiveMinimum\": true, \"maximum\": 4, \"exclusiveMaximum\": true", StringComparison.Ordinal)
            .Replace("\"title\": \"Widget\",", "\"id\": \"https://example.com/widget.json\", \"title\": \"Widget\",", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/widget.json", text, "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Equal(new[] { "SB0050" }, result.SchemaDiagnostics.Select(static d => d.Id).ToArray());

        ParseResult parsed = Parse(text);
        using JsonDocument embedded = JsonDocument.Parse(parsed.Api!.Document.Json.ToString());
        Assert.Equal("https://example.com/widget.json", embedded.RootElement.GetProperty("$id").GetString());
        Assert.False(Valid(parsed, """{ "size": 1 }"""));
        Assert.True(Valid(parsed, """{ "size": 2 }"""));
        Assert.True(Valid(parsed, """{ "size": 3 }"""));
        Assert.False(Valid(parsed, """{ "size": 4 }"""));
    }

    [Fact]
    public void A_draft_2019_09_recursive_reference_validates_a_tree()
    {
        const string text = """
            {
              "$schema": "https://json-schema.org/draft/2019-09/schema",
              "$recursiveAnchor": true,
              "title": "Node",
              "type": "object",
              "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$recursiveRef": "#" } } }
            }
            """;
        ParseResult parsed = Parse(text);
        Assert.DoesNotContain(parsed.Diagnostics, static d => d.Id == "SB0003");
        Assert.True(Valid(parsed, """{ "name": "a", "children": [ { "name": "b", "children": [] } ] }"""));
        Assert.False(Valid(parsed, """{ "name": "a", "children": [ { "name": 2 } ] }"""));
    }
}
