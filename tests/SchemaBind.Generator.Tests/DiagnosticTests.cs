using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Tests;

/// <summary>Bad schema files give a diagnostic at the exact place, never a crash, and leave other files alone.</summary>
public sealed class DiagnosticTests
{
    private const string ValidSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Widget",
          "type": "object",
          "properties": { "name": { "type": "string" } }
        }
        """;

    private static Diagnostic Single(string schema, string path = "/project/api.json")
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, schema, "My.Api"));
        AssertNoCrash(result);
        return Assert.Single(result.SchemaDiagnostics);
    }

    private static void AssertNoCrash(GeneratorResult result)
    {
        Assert.All(result.RunResult.Results, static r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.GeneratorDiagnostics, static d => d.Id is "CS8785" or "AD0001" or "SB0099");
    }

    /// <summary>Zero-based line and character of the diagnostic's start and end.</summary>
    private static (int Line, int Column, int EndLine, int EndColumn) Span(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }

    [Fact]
    public void Invalid_json_is_SB0001_where_it_breaks()
    {
        string line2 = "  \"info\": { \"title\": \"x\" \"version\": \"1\" }";
        Diagnostic d = Single("{\n  \"openapi\": \"3.1.0\",\n" + line2 + "\n}");
        int column = line2.IndexOf("\"version\"", StringComparison.Ordinal);
        Assert.Equal("SB0001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal("/project/api.json", d.Location.GetLineSpan().Path);
        Assert.Equal((2, column, 2, column + 1), Span(d)); // the '"' of "version", where a ',' was expected
        Assert.Contains("',' or '}' was expected", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("{ \"a\": [1, 2,] }", 0, 12)]
    [InlineData("{ \"a\": tru }", 0, 7)]
    [InlineData("{ \"a\": \"unterminated }", 0, 7)]
    [InlineData("{ \"a\": 1 } extra", 0, 11)]
    [InlineData("{\n\n  \"a\": 01 }", 2, 7)]
    public void Every_kind_of_json_syntax_error_is_located(string text, int line, int column)
    {
        Diagnostic d = Single(text);
        Assert.Equal("SB0001", d.Id);
        Assert.Equal((line, column), (Span(d).Line, Span(d).Column));
    }

    [Theory]
    [InlineData("\n", "\n")]
    [InlineData("\r\n", "\r\n")]
    [InlineData("\r", "\r")]
    [InlineData("\r\n", "\r")]
    [InlineData("\n", "\r")]
    public void A_diagnostic_is_located_whatever_the_line_breaks(string first, string second)
    {
        // A line feed, a carriage return and line feed, and a carriage return alone each end one line (a text
        // without carriage returns has its line starts found by a search for line feeds alone).
        Diagnostic d = Single("{" + first + second + "  \"a\": 01 }" + first);
        Assert.Equal("SB0001", d.Id);
        Assert.Equal((2, 7), (Span(d).Line, Span(d).Column));
    }

    [Fact]
    public void A_json_document_that_is_no_api_is_SB0002()
    {
        Diagnostic d = Single("{ \"name\": \"package.json, not a schema\" }");
        Assert.Equal("SB0002", d.Id);
        Assert.Equal((0, 0), (Span(d).Line, Span(d).Column));
    }

    [Fact]
    public void A_top_level_array_is_SB0002()
    {
        Assert.Equal("SB0002", Single("[1, 2]").Id);
    }

    [Theory]
    [InlineData("{ \"openapi\": \"3.3.0\", \"info\": {}, \"paths\": {} }", 13, "OpenAPI 3.3.0")]
    [InlineData("{ \"swagger\": \"1.2\" }", 13, "Swagger")]
    [InlineData("{ \"$schema\": \"http://json-schema.org/draft-03/schema#\", \"type\": \"object\" }", 13, "draft-03")]
    public void Unsupported_versions_and_dialects_are_SB0003_at_the_version(string text, int column, string named)
    {
        Diagnostic d = Single(text);
        Assert.Equal("SB0003", d.Id);
        Assert.Equal(column, Span(d).Column);
        Assert.Contains(named, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_meta_schema_is_a_SB0017_warning_and_still_generates()
    {
        string schema = """{ "$schema": "https://example.com/my-dialect", "title": "T", "type": "object", "properties": { "a": { "type": "string" } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/t.json", schema, "P"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0017", d.Id);
        Assert.Equal(schema.IndexOf("\"https://example.com/my-dialect\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains(result.Sources, static s => s.HintName == "P.T.g.cs");
    }

    [Fact]
    public void An_unresolved_ref_is_SB0005_at_the_reference_and_the_rest_still_generates()
    {
        string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Order",
              "type": "object",
              "properties": {
                "id": { "type": "integer" },
                "customer": { "$ref": "#/$defs/Customer" }
              }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/order.json", schema, "Shop"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0005", d.Id);
        int column = schema.Split('\n')[6].IndexOf("\"#/$defs/Customer\"", StringComparison.Ordinal);
        Assert.Equal((6, column, 6, column + "\"#/$defs/Customer\"".Length), Span(d));
        Assert.Contains("#/$defs/Customer", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.Sources, static s => s.HintName == "Shop.Order.g.cs");
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void A_keyword_the_typed_code_cannot_express_is_checked_on_the_json_form_of_an_object()
    {
        string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Tags",
              "type": "object",
              "properties": { "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true } }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/tags.json", schema, "Shop"));
        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        Assert.Contains("JsonValidation.AddErrors(context, errorsBefore, JsonSchema, this, WriteJson);", result.Source("Shop.Tags.g.cs"), StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void A_keyword_outside_any_object_type_is_a_SB0004_warning_on_the_keyword()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": { "/tags": { "get": {
                "operationId": "getTags",
                "parameters": [ { "name": "tag", "in": "query", "schema": { "type": "array", "items": { "type": "string" }, "uniqueItems": true } } ],
                "responses": { "204": { "description": "ok" } } } } }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/tags.json", schema, "Shop"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0004", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Equal(schema.IndexOf("\"uniqueItems\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Equal("\"uniqueItems\"".Length, d.Location.SourceSpan.Length);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void An_invalid_pattern_is_SB0007()
    {
        string schema = """{ "title": "Code", "type": "object", "properties": { "code": { "type": "string", "pattern": "([a-z]" } } }""";
        Diagnostic d = Single(schema);
        Assert.Equal("SB0007", d.Id);
        Assert.Equal(schema.IndexOf("\"([a-z]\"", StringComparison.Ordinal), Span(d).Column);
    }

    [Fact]
    public void A_duplicate_operation_id_is_SB0008_on_the_second()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/a": { "get": { "operationId": "getThing", "responses": { "204": { "description": "ok" } } } },
                "/b": { "get": { "operationId": "getThing", "responses": { "204": { "description": "ok" } } } }
              }
            }
            """;
        Diagnostic d = Single(schema);
        Assert.Equal("SB0008", d.Id);
        Assert.Equal(5, Span(d).Line);
    }

    [Fact]
    public void Path_parameters_must_match_the_template_SB0009()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/items/{id}": { "get": { "operationId": "getItem", "responses": { "204": { "description": "ok" } } } },
                "/other": { "get": { "operationId": "getOther", "parameters": [ { "name": "x", "in": "path", "required": true, "schema": { "type": "string" } } ], "responses": { "204": { "description": "ok" } } } }
              }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/t.json", schema, "T"));
        AssertNoCrash(result);
        Assert.Equal(new[] { "SB0009", "SB0009", "SB0040", "SB0040" }, result.SchemaDiagnostics.Select(static d => d.Id).Order().ToArray());
        Diagnostic undeclared = result.SchemaDiagnostics.Single(d => d.Id == "SB0009" && d.GetMessage().Contains("{id}", StringComparison.Ordinal));
        int column = schema.Split('\n')[4].IndexOf("{id}", StringComparison.Ordinal);
        Assert.Equal((4, column, 4, column + 4), Span(undeclared));

        // Neither operation has a method, and each says so on its HTTP method.
        Diagnostic leftOut = result.SchemaDiagnostics.Single(d => d.Id == "SB0040" && d.GetMessage().Contains("'getItem'", StringComparison.Ordinal));
        column = schema.Split('\n')[4].IndexOf("\"get\"", StringComparison.Ordinal);
        Assert.Equal((4, column, 4, column + 5), Span(leftOut));
        Assert.EndsWith("is left out of the client: the path template names '{id}', which is not a declared path parameter", leftOut.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Sources, static s => s.SourceText.ToString().Contains("GetItemAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void A_keyword_of_the_wrong_kind_is_SB0006()
    {
        const string schema = """{ "title": "X", "type": "object", "properties": { "n": { "type": "string", "minLength": "three" } } }""";
        Diagnostic d = Single(schema);
        Assert.Equal("SB0006", d.Id);
        Assert.Equal(schema.IndexOf("\"three\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("minLength", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_several_types_is_a_SB0010_warning_and_a_JsonElement()
    {
        string schema = """{ "title": "T", "type": "object", "properties": { "id": { "type": ["string", "integer"] } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/t.json", schema, "P"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0010", d.Id);
        Assert.Equal("[\"string\", \"integer\"]", schema.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Contains("STJ::JsonElement? Id", result.Source("P.T.g.cs"), StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void One_bad_file_does_not_stop_another_from_generating()
    {
        GeneratorResult result = GeneratorHarness.Run(
            new SchemaFile("/p/broken.json", "{ not json", "Broken"),
            new SchemaFile("/p/widget.json", ValidSchema, "Good"));
        AssertNoCrash(result);
        Assert.Equal("SB0001", Assert.Single(result.SchemaDiagnostics).Id);
        Assert.Contains(result.Sources, static s => s.HintName == "Good.Widget.g.cs");
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void The_generator_reports_what_stops_it_and_the_analyzer_everything_else()
    {
        string schema = """{ "title": "T", "type": "object", "properties": { "a": { "type": "string", "minLenght": 1, "uniqueItems": true } } }""";
        GeneratorResult result = GeneratorHarness.Run(
            new SchemaFile("/p/broken.json", "{ not json", "Broken"),
            new SchemaFile("/p/t.json", schema, "Good"));
        Assert.Equal(new[] { "SB0001" }, result.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Equal(new[] { "SB0011" }, result.SchemaAnalyzerDiagnostics.Select(static d => d.Id));
    }

    [Fact]
    public void Files_not_opted_in_are_ignored()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/other.json", "{ not json", OptedIn: false));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.SchemaAnalyzerDiagnostics);
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("{ \"openapi\": \"3.1.0\", \"paths\": { \"/x\": 5 } }")]
    [InlineData("{ \"openapi\": \"3.1.0\", \"components\": { \"schemas\": { \"A\": { \"properties\": { \"b\": { \"$ref\": \"#/components/schemas/A\" } } } } } }")]
    [InlineData("{ \"openapi\": \"3.1.0\", \"components\": { \"schemas\": { \"A\": { \"$ref\": \"#/components/schemas/B\" }, \"B\": { \"$ref\": \"#/components/schemas/A\" } } } }")]
    [InlineData("{ \"type\": \"object\", \"properties\": { \"a\": { \"oneOf\": [1, 2], \"discriminator\": 7 } } }")]
    [InlineData("{ \"openapi\": \"3.1.0\", \"components\": { \"schemas\": { \"U\": { \"oneOf\": [ { \"$ref\": \"#/nowhere\" } ], \"discriminator\": { \"propertyName\": \"t\" } } } } }")]
    [InlineData("{ \"type\": [\"string\", 5], \"enum\": [null] }")]
    public void Odd_but_valid_json_never_crashes_the_generator(string schema)
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/odd.json", schema, "Odd"));
        AssertNoCrash(result);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }
}
