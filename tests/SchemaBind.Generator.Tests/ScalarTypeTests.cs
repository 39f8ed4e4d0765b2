using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>Which C# type a scalar schema becomes: string formats, integer ranges, double or decimal.</summary>
public sealed class ScalarTypeTests
{
    private static GeneratorResult Run(string properties, string? numberType = null, string? projectNumberType = null)
    {
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"required\": [\"r\"],\n  \"properties\": {\n    \"r\": { \"type\": \"string\" },\n" + properties + "\n  }\n}";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/thing.json", schema, "P", NumberType: numberType, ProjectNumberType: projectNumberType));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        return result;
    }

    private static string TypeOf(GeneratorResult result, string property)
    {
        INamedTypeSymbol thing = result.Output.GetTypeByMetadataName("P.Thing")!;
        IPropertySymbol symbol = thing.GetMembers(property).OfType<IPropertySymbol>().Single();
        return symbol.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
    }

    [Theory]
    [InlineData("date-time", "global::System.DateTimeOffset?")]
    [InlineData("date", "global::System.DateOnly?")]
    [InlineData("uuid", "global::System.Guid?")]
    [InlineData("uri", "global::System.Uri?")]
    [InlineData("byte", "byte[]?")]
    [InlineData("time", "string?")]
    [InlineData("duration", "string?")]
    [InlineData("binary", "string?")]
    [InlineData("email", "string?")]
    public void A_string_format_picks_the_type(string format, string expected)
    {
        GeneratorResult result = Run("    \"a\": { \"type\": \"string\", \"format\": \"" + format + "\" }");
        Assert.Equal(expected, TypeOf(result, "A"));
        Assert.Empty(result.SchemaDiagnostics);
    }

    [Fact]
    public void Required_nullable_and_optional_formats_compile_and_keep_their_shape()
    {
        string properties = string.Join(",\n", new[] { "date-time", "date", "uuid", "uri", "byte" }.Select(static (f, i) =>
            "    \"req" + i + "\": { \"type\": \"string\", \"format\": \"" + f + "\" },\n"
            + "    \"nul" + i + "\": { \"type\": [\"string\", \"null\"], \"format\": \"" + f + "\", \"minLength\": 1, \"pattern\": \"^[^ ]\" },\n"
            + "    \"opt" + i + "\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"format\": \"" + f + "\", \"maxLength\": 64 } }"));
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"required\": [" + string.Join(", ", Enumerable.Range(0, 5).SelectMany(static i => new[] { "\"req" + i + "\"", "\"nul" + i + "\"" })) + "],\n  \"properties\": {\n" + properties + "\n  }\n}";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/thing.json", schema, "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Equal("global::System.DateTimeOffset", TypeOf(result, "Req0"));
        Assert.Equal("global::System.Uri?", TypeOf(result, "Nul3"));
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<byte[]>?", TypeOf(result, "Opt4"));

        // Length and pattern apply to the text that is sent.
        Assert.Contains("SBG::SchemaFormats.ToText(_nul0)", result.Source("P.Thing.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "double")]
    [InlineData("decimal", null, null, "decimal")]
    [InlineData(null, "decimal", null, "decimal")]
    [InlineData("Decimal", null, null, "decimal")]
    [InlineData("double", "decimal", null, "double")]
    [InlineData(null, null, "decimal", "decimal")]
    [InlineData(null, "decimal", "double", "double")]
    [InlineData(null, "decimal", "float", "double")]
    public void Number_is_double_unless_the_option_or_the_format_says_decimal(string? itemOption, string? projectOption, string? format, string expected)
    {
        string formatJson = format is null ? string.Empty : ", \"format\": \"" + format + "\"";
        GeneratorResult result = Run("    \"n\": { \"type\": \"number\", \"minimum\": 0.5, \"exclusiveMaximum\": 1e3" + formatJson + " }", itemOption, projectOption);
        Assert.Equal(expected + "?", TypeOf(result, "N"));
        Assert.Empty(result.SchemaDiagnostics);
    }

    [Theory]
    [InlineData("integer", null, "% 5 != 0")]
    [InlineData("integer", "2.5", "(decimal)_n % 2.5m != 0m")]
    [InlineData("integer", "1e20", "(decimal)_n % 100000000000000000000m != 0m")] // no long holds the divisor
    [InlineData("number", null, "_n % 5m != 0m")]
    public void MultipleOf_of_integers_and_decimals_is_checked_by_the_typed_code(string type, string? divisor, string expected)
    {
        GeneratorResult result = Run("    \"n\": { \"type\": \"" + type + "\", \"multipleOf\": " + (divisor ?? "5") + " }", numberType: "decimal");
        string source = result.Source("P.Thing.g.cs");
        Assert.Contains(expected, source, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonValidation.AddErrors", source, StringComparison.Ordinal);
        Assert.Empty(result.SchemaDiagnostics);
    }

    [Fact]
    public void MultipleOf_of_a_double_is_left_to_the_json_form_of_validation()
    {
        GeneratorResult result = Run("    \"n\": { \"type\": \"number\", \"multipleOf\": 0.1 }");
        string source = result.Source("P.Thing.g.cs");
        Assert.DoesNotContain("% 0.1", source, StringComparison.Ordinal);
        Assert.Contains("JsonValidation.AddErrors", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multipleOf_that_a_decimal_cannot_hold_exactly_is_left_to_the_json_form()
    {
        GeneratorResult result = Run("    \"n\": { \"type\": \"integer\", \"multipleOf\": 1e-40 }");
        Assert.Contains("JsonValidation.AddErrors", result.Source("P.Thing.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maximum", "1e30")]
    [InlineData("minimum", "-1e-40")]
    public void A_decimal_bound_that_a_decimal_cannot_hold_is_left_to_the_json_form(string keyword, string bound)
    {
        GeneratorResult result = Run("    \"n\": { \"type\": \"number\", \"" + keyword + "\": " + bound + ", \"exclusiveMaximum\": 2.5 }", numberType: "decimal");
        string source = result.Source("P.Thing.g.cs");
        Assert.Contains("JsonValidation.AddErrors", source, StringComparison.Ordinal);
        Assert.Contains(">= 2.5m", source, StringComparison.Ordinal); // the bound a decimal holds is still typed
        Assert.DoesNotContain(bound + "m", source, StringComparison.Ordinal);
        Assert.Empty(result.SchemaDiagnostics);
    }

    [Fact]
    public void Formats_and_decimals_compose_with_unions_and_allOf()
    {
        GeneratorResult result = Run(
            "    \"when\": { \"oneOf\": [ { \"type\": \"string\", \"format\": \"date-time\" }, { \"type\": \"integer\" }, { \"type\": \"string\", \"format\": \"uuid\" } ] },\n"
            + "    \"price\": { \"anyOf\": [ { \"type\": \"number\", \"multipleOf\": 0.01 }, { \"type\": \"string\", \"format\": \"byte\" } ] },\n"
            + "    \"link\": { \"allOf\": [ { \"type\": \"string\", \"format\": \"uri\" }, { \"maxLength\": 100 } ] }",
            numberType: "decimal");
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Equal("global::System.Uri?", TypeOf(result, "Link"));
        string source = string.Concat(result.Sources.Select(static s => s.SourceText.ToString()));
        Assert.Contains("DateTimeCase", source, StringComparison.Ordinal);
        Assert.Contains("UuidCase", source, StringComparison.Ordinal);
        Assert.Contains("BytesCase", source, StringComparison.Ordinal);
        Assert.Contains("% 0.01m != 0m", source, StringComparison.Ordinal);
        Assert.Contains("string text0 = SBG::SchemaFormats.ToText(_link);", source, StringComparison.Ordinal);
        Assert.Contains("length0 > 100", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatted_query_and_path_parameters_are_sent_as_their_text()
    {
        const string api = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": {
                "/days/{day}": {
                  "get": {
                    "operationId": "getDay",
                    "parameters": [
                      { "name": "day", "in": "path", "required": true, "schema": { "type": "string", "format": "date" } },
                      { "name": "since", "in": "query", "schema": { "type": "string", "format": "date-time" } },
                      { "name": "id", "in": "query", "required": true, "schema": { "type": "string", "format": "uuid" } },
                      { "name": "amount", "in": "query", "schema": { "type": "number", "format": "decimal" } }
                    ],
                    "responses": { "204": { "description": "ok" } }
                  }
                }
              }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/days.openapi.json", api, "P", "DaysClient"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string client = result.Source("P.DaysClient.g.cs");
        Assert.Contains("global::System.Uri.EscapeDataString(SBG::SchemaFormats.ToText(day))", client, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"since\", (since is { } sinceWire ? SBG::SchemaFormats.ToText(sinceWire) : null));", client, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"id\", SBG::SchemaFormats.ToText(id));", client, StringComparison.Ordinal);
        Assert.Contains("query.Add(\"amount\", amount);", client, StringComparison.Ordinal);
    }
}
