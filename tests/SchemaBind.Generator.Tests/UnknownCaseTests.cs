namespace SchemaBind.Generator.Tests;

/// <summary>The case a discriminated union gets for discriminator values its schema does not list.</summary>
public sealed class UnknownCaseTests
{
    private static string Schema(string caseName) => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Shape",
          "oneOf": [ { "$ref": "#/$defs/{{caseName}}" }, { "$ref": "#/$defs/Square" } ],
          "discriminator": { "propertyName": "kind" },
          "$defs": {
            "{{caseName}}": { "type": "object", "properties": { "kind": { "const": "odd" }, "r": { "type": "number" } } },
            "Square": { "type": "object", "properties": { "kind": { "const": "square" }, "side": { "type": "number" } } }
          }
        }
        """;

    [Fact]
    public void Every_union_gets_a_nested_Unknown_case_that_compiles_cleanly()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/shape.json", Schema("Circle"), "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Empty(result.SchemaDiagnostics);
        Assert.NotNull(result.Output.GetTypeByMetadataName("P.Shape+Unknown"));
        Assert.Contains("var other => Unknown.ReadJson(ref reader, other.ToString()),", result.Source("P.Shape.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_type_named_Unknown_that_is_no_case_is_not_hidden_from_the_cases()
    {
        // Circle has a property of type Unknown: inside Circle (a case, so derived from Shape) the simple
        // name must still be the namespace's Unknown, not a nested Shape.Unknown.
        string schema = Schema("Circle")
            .Replace("\"r\": { \"type\": \"number\" }", "\"r\": { \"$ref\": \"#/$defs/Unknown\" }", StringComparison.Ordinal)
            .Replace("\"Square\": {", "\"Unknown\": { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } },\n    \"Square\": {", StringComparison.Ordinal);
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/shape.json", schema, "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Empty(result.SchemaDiagnostics);
        Assert.NotNull(result.Output.GetTypeByMetadataName("P.Shape+UnknownCase"));
        Assert.Equal("P.Unknown", ((Microsoft.CodeAnalysis.IPropertySymbol)result.Output.GetTypeByMetadataName("P.Circle")!.GetMembers("R").Single()).Type.ToDisplayString(Microsoft.CodeAnalysis.SymbolDisplayFormat.CSharpErrorMessageFormat).TrimEnd('?'));
    }

    [Fact]
    public void A_case_type_named_Unknown_keeps_its_name_and_the_nested_case_is_UnknownCase()
    {
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/shape.json", Schema("Unknown"), "P"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string union = result.Source("P.Shape.g.cs");
        Assert.Contains("\"odd\" => Unknown.ReadJson(ref reader),", union, StringComparison.Ordinal);
        Assert.Contains("var other => UnknownCase.ReadJson(ref reader, other.ToString()),", union, StringComparison.Ordinal);
        Assert.NotNull(result.Output.GetTypeByMetadataName("P.Shape+UnknownCase"));
        Assert.Null(result.Output.GetTypeByMetadataName("P.Shape+Unknown"));
    }
}
