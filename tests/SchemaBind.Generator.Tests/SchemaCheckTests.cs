using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>Mistakes in well-formed schemas: each is a warning at the exact span, and generation goes on.</summary>
public sealed class SchemaCheckTests
{
    private static Diagnostic Single(string properties, string id)
    {
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"properties\": {\n" + properties + "\n  }\n}";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/thing.json", schema, "P"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Contains(result.Sources, static s => s.HintName == "P.Thing.g.cs");
        GeneratorResult.AssertNone(result.CompilationDiagnostics.Where(c => c.Id != id));
        return d;
    }

    /// <summary>The text the diagnostic's span covers, on line 4 (the properties line).</summary>
    private static string Covered(Diagnostic d, string properties)
    {
        var span = d.Location.GetLineSpan();
        Assert.Equal(4, span.StartLinePosition.Line);
        return properties.Substring(span.StartLinePosition.Character, span.EndLinePosition.Character - span.StartLinePosition.Character);
    }

    [Theory]
    [InlineData("minLenght", "minLength")]
    [InlineData("maxLength ", "maxLength")]
    [InlineData("Pattern", "pattern")]
    [InlineData("requried", "required")]
    [InlineData("x-internal", null)]
    [InlineData("myAnnotation", null)]
    public void A_misspelled_keyword_is_SB0011_with_the_nearest_keyword(string keyword, string? suggestion)
    {
        string properties = "    \"a\": { \"type\": \"string\", \"" + keyword + "\": 3 }";
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"properties\": {\n" + properties + "\n  }\n}";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/thing.json", schema, "P"));
        if (suggestion is null)
        {
            Assert.Empty(result.SchemaDiagnostics);
            return;
        }

        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0011", d.Id);
        Assert.Equal("\"" + keyword + "\"", Covered(d, properties));
        Assert.Contains("did you mean '" + suggestion + "'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"type\": \"integer\", \"minimum\": 10, \"maximum\": 5", "5")]
    [InlineData("\"type\": \"string\", \"minLength\": 3, \"maxLength\": 2", "2")]
    [InlineData("\"type\": \"array\", \"minItems\": 4, \"maxItems\": 1", "1")]
    public void Contradictory_bounds_are_SB0012_on_the_upper_bound(string keywords, string covered)
    {
        string properties = "    \"a\": { " + keywords + " }";
        Diagnostic d = Single(properties, "SB0012");
        Assert.Equal(covered, Covered(d, properties));
    }

    [Fact]
    public void Required_property_forbidden_by_additional_properties_false_is_SB0012()
    {
        string schema = """{ "title": "Strict", "type": "object", "additionalProperties": false, "required": ["id", "name"], "properties": { "id": { "type": "string" } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/strict.json", schema, "P"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0012", d.Id);
        Assert.Contains("'name' is required", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(schema.IndexOf("\"name\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_duplicate_enum_value_is_SB0013_on_the_second()
    {
        string properties = "    \"a\": { \"type\": \"string\", \"enum\": [\"x\", \"y\", \"x\"] }";
        Diagnostic d = Single(properties, "SB0013");
        var span = d.Location.GetLineSpan();
        Assert.Equal(properties.LastIndexOf("\"x\"", StringComparison.Ordinal), span.StartLinePosition.Character);
    }

    [Theory]
    [InlineData("\"type\": \"integer\", \"maximum\": 1200, \"default\": 5000", "5000", "greater than maximum")]
    [InlineData("\"type\": \"string\", \"minLength\": 1, \"examples\": [\"ok\", \"\"]", "\"\"", "shorter than minLength")]
    [InlineData("\"type\": \"string\", \"pattern\": \"^[^:]+:[^:]+$\", \"example\": \"/no-colon\"", "\"/no-colon\"", "does not match")]
    [InlineData("\"type\": \"string\", \"enum\": [\"A\", \"B\"], \"default\": \"C\"", "\"C\"", "not one of the enum values")]
    [InlineData("\"type\": \"boolean\", \"default\": \"false\"", "\"false\"", "a string, but the schema's type is boolean")]
    public void A_default_or_example_that_breaks_its_schema_is_SB0014(string keywords, string covered, string reason)
    {
        string properties = "    \"a\": { " + keywords + " }";
        Diagnostic d = Single(properties, "SB0014");
        Assert.Equal(covered, Covered(d, properties));
        Assert.Contains(reason, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_ecmascript_mode_cannot_read_is_SB0015()
    {
        string properties = "    \"a\": { \"type\": \"string\", \"pattern\": \"^(?i)abc$\" }";
        Diagnostic d = Single(properties, "SB0015");
        Assert.Equal("\"^(?i)abc$\"", Covered(d, properties));
    }

    [Fact]
    public void The_generator_leaves_the_checks_of_mistakes_to_the_analyzer_and_generates_the_same_code()
    {
        // One of each check: misspelled keyword, contradiction, duplicate enum value, broken default, pattern dialect.
        string properties = "    \"a\": { \"type\": \"string\", \"minLenght\": 3, \"minLength\": 4, \"maxLength\": 2, \"enum\": [\"x\", \"x\"], \"default\": 5, \"pattern\": \"^(?i)abc$\" }";
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"properties\": {\n" + properties + "\n  }\n}";
        var input = new Model.SchemaFileInput("/p/thing.json", schema, "P", null);

        Model.ParseResult all = Parsing.DocumentParser.Parse(input, CancellationToken.None);
        Model.ParseResult forGeneration = Parsing.DocumentParser.Parse(input, CancellationToken.None, reportMistakes: false);

        string[] mistakes = { "SB0011", "SB0012", "SB0013", "SB0014", "SB0015" };
        Assert.Equal(mistakes, all.Diagnostics.Select(static d => d.Id).Where(mistakes.Contains).Distinct().OrderBy(static id => id, StringComparer.Ordinal));
        Assert.DoesNotContain(forGeneration.Diagnostics, d => mistakes.Contains(d.Id));
        Assert.Equal(all.Api, forGeneration.Api);

        // Through the real pipeline: the generator reports none of them, the analyzer all of them.
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/thing.json", schema, "P"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => mistakes.Contains(d.Id));
        Assert.Equal(mistakes, result.SchemaAnalyzerDiagnostics.Select(static d => d.Id).Where(mistakes.Contains).Distinct().OrderBy(static id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void The_analyzer_takes_the_generators_parse_of_the_same_input_and_reports_what_its_own_parse_would()
    {
        // Mistakes, an unsupported keyword and a reference that leads nowhere: diagnostics of every source.
        string path = "/p/shared-" + Guid.NewGuid().ToString("N") + ".json";
        string properties = "    \"a\": { \"type\": \"string\", \"minLenght\": 3, \"minLength\": 4, \"maxLength\": 2, \"enum\": [\"x\", \"x\"], \"default\": 5 },\n"
            + "    \"b\": { \"$ref\": \"#/$defs/missing\" },\n    \"c\": { \"type\": \"string\", \"contentSchema\": { \"type\": \"object\" } }";
        string schema = "{\n  \"title\": \"Thing\",\n  \"type\": \"object\",\n  \"properties\": {\n" + properties + "\n  }\n}";
        string edited = schema.Replace("\"minLenght\": 3", "\"minLenght\": 7", StringComparison.Ordinal);

        // The generator's run keeps its diagnostics for the analyzer: an equal input finds them, an edited one does not.
        var input = new Model.SchemaFileInput(path, schema, "P", null);
        GeneratorHarness.Run(new SchemaFile(path, schema, "P"));
        Assert.False(Parsing.ParsedDiagnostics.TryRecall(input with { Text = edited }, out _));
        Assert.True(Parsing.ParsedDiagnostics.TryRecall(input, out Model.EquatableArray<Diagnostics.DiagnosticInfo> recalled));
        Assert.Equal(Parsing.DocumentParser.Parse(input, CancellationToken.None).Diagnostics, recalled);
        Assert.False(Parsing.ParsedDiagnostics.TryRecall(input, out _)); // taken once, then released

        // The analyzer of a build reports the same from the generator's parse (the first time) as from its own (then).
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile(path, schema, "P"));
        IReadOnlyList<string> fromTheGenerator = result.SchemaAnalyzerDiagnostics.Select(static d => d.ToString()).ToList();
        Assert.False(Parsing.ParsedDiagnostics.TryRecall(input, out _));
        Assert.Contains(fromTheGenerator, static d => d.Contains("SB0011", StringComparison.Ordinal));
        Assert.Equal(fromTheGenerator, result.SchemaAnalyzerDiagnostics.Select(static d => d.ToString()).ToList());
    }

    [Fact]
    public void Ascii_classes_follow_ecma_262_in_generated_validators()
    {
        // \d is ASCII in ECMA-262; .NET's default mode would also accept the Arabic-Indic digit.
        string schema = """{ "title": "Pin", "type": "object", "properties": { "pin": { "type": "string", "pattern": "^\\d{4}$" } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/pin.json", schema, "P"));
        Assert.Empty(result.SchemaDiagnostics);
        Assert.Contains("SBG::SchemaRegex.Create(\"^\\\\d{4}$\")", result.Source("P.Pin.g.cs"), StringComparison.Ordinal);
    }
}

public sealed class NameCollisionTests
{
    [Fact]
    public void Properties_that_map_to_one_csharp_name_are_SB0016_and_renamed_stably()
    {
        string schema = """{ "title": "T", "type": "object", "properties": { "image_tag": { "type": "string" }, "imageTag": { "type": "string" } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/t.json", schema, "P"));
        Diagnostic d = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0016", d.Id);
        Assert.Equal(schema.IndexOf("\"imageTag\"", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("'image_tag' and 'imageTag' both become the C# name 'ImageTag'; 'imageTag' is generated as 'ImageTag2'", d.GetMessage(), StringComparison.Ordinal);
        string source = result.Source("P.T.g.cs");
        Assert.Contains("public string? ImageTag { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? ImageTag2 { get; init; }", source, StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void Schemas_and_enum_values_that_collide_are_SB0016()
    {
        string schema = """
            {
              "openapi": "3.1.0",
              "components": { "schemas": {
                "pet-kind": { "type": "string", "enum": ["a-b", "a_b"] },
                "pet_kind": { "type": "object", "properties": { "x": { "type": "string" } } }
              } }
            }
            """;
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/pets.json", schema, "P"));
        Assert.Equal(2, result.SchemaDiagnostics.Count);
        Assert.All(result.SchemaDiagnostics, static d => Assert.Equal("SB0016", d.Id));
        Assert.Contains(result.Sources, static s => s.HintName == "P.PetKind2.g.cs");
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void A_property_named_like_a_generated_member_is_renamed_with_a_warning_and_one_named_like_its_type_silently()
    {
        string schema = """{ "title": "T", "type": "object", "properties": { "validate": { "type": "boolean" }, "to_json": { "type": "string" }, "t": { "type": "string" } } }""";
        GeneratorResult result = GeneratorHarness.Run(new SchemaFile("/p/t.json", schema, "P"));
        Assert.Collection(
            result.SchemaDiagnostics,
            static d => Assert.Contains("'validate' is generated as 'ValidateValue'", d.GetMessage(), StringComparison.Ordinal),
            static d => Assert.Contains("'to_json' is generated as 'ToJsonValue'", d.GetMessage(), StringComparison.Ordinal));
        Assert.All(result.SchemaDiagnostics, static d => Assert.Equal("SB0016", d.Id));
        Assert.Contains("ValidateValue", result.Source("P.T.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public string? TValue { get; init; }", result.Source("P.T.g.cs"), StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }
}
