using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaBind.Generator.Tests;

/// <summary>
/// Incrementality when there is a lot to cache: many schema files in one project, and one large
/// OpenAPI document (the benchmarks in bench/SchemaBind.Benchmarks.Generator time the same cases).
/// </summary>
public sealed class ScaleIncrementalTests
{
    private const int FileCount = 30;

    private static SchemaFile Widget(int i, string description = "The name.") => new(
        "/p/widget" + i.ToString(CultureInfo.InvariantCulture) + ".json",
        "{ \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"Widget" + i.ToString(CultureInfo.InvariantCulture)
            + "\", \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\", \"description\": \"" + description + "\" } } }",
        "P.Api" + i.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Editing_one_of_many_schema_files_re_runs_only_its_steps()
    {
        SchemaFile[] files = Enumerable.Range(0, FileCount).Select(static i => Widget(i)).ToArray();
        AdditionalText[] texts = files.Select(GeneratorHarness.ToAdditionalText).ToArray();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(texts[7], GeneratorHarness.ToAdditionalText(Widget(7, "The widget's name."))).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parses = result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].Select(static s => s.Outputs.Single().Reason).ToList();
        Assert.Equal(FileCount, parses.Count);
        Assert.Equal(1, parses.Count(static r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(FileCount - 1, parses.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // The source output ran for the edited file's changed files only: the type whose description
        // changed and the embedded schema document.
        var outputs = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(2, outputs.Count(static r => r == IncrementalStepRunReason.Modified));
        Assert.All(outputs.Where(static r => r != IncrementalStepRunReason.Modified), static r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Contains("The widget's name.", result.GeneratedSources.Single(static s => s.HintName == "P.Api7.Widget7.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_schema_file_runs_only_the_new_files_steps()
    {
        SchemaFile[] files = Enumerable.Range(0, FileCount).Select(static i => Widget(i)).ToArray();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        SchemaFile added = Widget(FileCount);
        SchemaFile[] all = files.Append(added).ToArray();
        driver = driver
            .AddAdditionalTexts([GeneratorHarness.ToAdditionalText(added)])
            .WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(all))
            .RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parses = result.TrackedSteps[SchemaBindGenerator.StepNames.Parse].Select(static s => s.Outputs.Single().Reason).ToList();
        Assert.Equal(FileCount + 1, parses.Count);
        Assert.Equal(1, parses.Count(static r => r == IncrementalStepRunReason.New));
        Assert.Equal(FileCount, parses.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(result.GeneratedSources, static s => s.HintName == "P.Api30.Widget30.g.cs");
        Assert.Equal(FileCount + 1, result.GeneratedSources.Count(static s => System.Text.RegularExpressions.Regex.IsMatch(s.HintName, @"\.Widget[0-9]+\.g\.cs$")));
    }

    [Fact]
    public void A_large_document_generates_cleanly_and_stays_cached_on_unrelated_edits()
    {
        const int Resources = 25;
        string document = LargeDocument(Resources);
        var file = new SchemaFile("/p/large.openapi.json", document, "P.Large", "LargeClient");

        GeneratorResult first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("namespace P { class A { } }"), file);
        GeneratorResult.AssertNone(first.SchemaDiagnostics);
        GeneratorResult.AssertNone(first.CompilationDiagnostics);
        // One file per schema (3 per resource), the client and the schema document.
        Assert.Equal((3 * Resources) + 2, first.Sources.Count);
        Assert.Equal(4 * Resources, System.Text.RegularExpressions.Regex.Matches(first.Source("P.Large.LargeClient.g.cs"), @"public global::System\.Threading\.Tasks\.Task\S* \w+(?<!WithResponse)Async\(").Count);

        CSharpCompilation edited = ((CSharpCompilation)first.Output).AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace P { class B { } }", GeneratorHarness.ParseOptions));
        GeneratorRunResult rerun = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();
        IncrementalTests.AssertNothingRan(rerun);
    }

    [Fact]
    public void A_document_with_many_types_shares_files_and_an_edit_rewrites_one_of_them()
    {
        const int Resources = 100; // 300 types: above the one-file-per-type limit of 256
        var file = new SchemaFile("/p/large.openapi.json", LargeDocument(Resources), "P.Large", "LargeClient");

        GeneratorResult first = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("namespace P { class A { } }"), file);
        GeneratorResult.AssertNone(first.SchemaDiagnostics);
        GeneratorResult.AssertNone(first.CompilationDiagnostics);

        // 300 types in 16 shared files (a power of two, about 32 types each), the client and the document.
        string[] typeFiles = first.Sources.Select(static s => s.HintName).Where(static h => h.StartsWith("P.Large.LargeJsonSchema.Types", StringComparison.Ordinal)).ToArray();
        Assert.Equal(16, typeFiles.Length);
        Assert.Equal(18, first.Sources.Count);
        string allTypes = string.Concat(typeFiles.Select(first.Source));
        for (int r = 0; r < Resources; r++)
        {
            string name = "Item" + r.ToString(CultureInfo.InvariantCulture);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(allTypes, @"public sealed partial record " + name + @"\b"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(allTypes, @"public sealed partial record " + name + @"Input\b"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(allTypes, @"public enum " + name + @"Status\b"));
        }

        // A description edit in one type re-emits that type's shared file and the document, nothing else.
        AdditionalText text = GeneratorHarness.ToAdditionalText(file);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([text], [file]).RunGenerators(compilation);
        var edited = file with { Text = file.Text.Replace("\"description\": \"Item42.\"", "\"description\": \"The forty-second item.\"", StringComparison.Ordinal) };
        Assert.NotEqual(file.Text, edited.Text);
        GeneratorRunResult rerun = driver.ReplaceAdditionalText(text, GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = rerun.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(2, outputs.Count(static r => r == IncrementalStepRunReason.Modified));
        GeneratedSourceResult rewritten = Assert.Single(rerun.GeneratedSources, static s => s.SourceText.ToString().Contains("The forty-second item.", StringComparison.Ordinal) && s.HintName.Contains(".Types", StringComparison.Ordinal));
        Assert.Contains(rewritten.HintName, typeFiles); // the same file as before the edit
    }

    /// <summary>An OpenAPI 3.1 document with four operations (list, create, get, delete) and three schemas per resource.</summary>
    private static string LargeDocument(int resources)
    {
        var paths = new StringBuilder();
        var schemas = new StringBuilder();
        for (int r = 0; r < resources; r++)
        {
            string name = "Item" + r.ToString(CultureInfo.InvariantCulture);
            string segment = "/items" + r.ToString(CultureInfo.InvariantCulture);
            string Ref(string schema) => "{ \"$ref\": \"#/components/schemas/" + schema + "\" }";
            string Json(string schema) => "\"content\": { \"application/json\": { \"schema\": " + Ref(schema) + " } }";
            string separator = r == 0 ? string.Empty : ",";
            paths.Append(separator).Append(CultureInfo.InvariantCulture, $$"""
                "{{segment}}": {
                  "get": { "operationId": "list{{name}}", "parameters": [ { "name": "page", "in": "query", "schema": { "type": "integer", "format": "int32", "minimum": 1 } } ],
                           "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": {{Ref(name)}} } } } } } },
                  "post": { "operationId": "create{{name}}", "requestBody": { "required": true, {{Json(name + "Input")}} }, "responses": { "201": { "description": "Created", {{Json(name)}} } } }
                },
                "{{segment}}/{id}": {
                  "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
                  "get": { "operationId": "get{{name}}", "responses": { "200": { "description": "OK", {{Json(name)}} } } },
                  "delete": { "operationId": "delete{{name}}", "responses": { "204": { "description": "Deleted" } } }
                }
                """);
            schemas.Append(separator).Append(CultureInfo.InvariantCulture, $$"""
                "{{name}}Status": { "type": "string", "enum": [ "DRAFT", "ACTIVE" ], "description": "The state of {{name}}." },
                "{{name}}": { "type": "object", "description": "{{name}}.", "required": [ "id", "name" ], "properties": {
                  "id": { "type": "integer", "format": "int64", "description": "The ID." },
                  "name": { "type": "string", "minLength": 1, "maxLength": 200, "description": "The name." },
                  "status": { "$ref": "#/components/schemas/{{name}}Status", "description": "The state." },
                  "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 20, "description": "Labels." } } },
                "{{name}}Input": { "type": "object", "description": "A new {{name}}.", "required": [ "name" ], "properties": {
                  "name": { "type": "string", "minLength": 1, "description": "The name." },
                  "status": { "$ref": "#/components/schemas/{{name}}Status", "description": "The state." } } }
                """);
        }

        return "{ \"openapi\": \"3.1.0\", \"info\": { \"title\": \"Large\", \"version\": \"1\" }, \"paths\": {" + paths + "}, \"components\": { \"schemas\": {" + schemas + "} } }";
    }
}
