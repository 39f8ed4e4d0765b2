using Microsoft.CodeAnalysis;

namespace SchemaBind.Generator.Tests;

/// <summary>Documents split over files: relative $refs to part files (SchemaBindPart), read as part of the root.</summary>
public sealed class PartFileTests
{
    private const string RootText = """
        openapi: 3.1.0
        info: { title: Store, version: "1" }
        paths:
          /pets:
            $ref: paths/pets.yaml
        components:
          schemas:
            Pet:
              $ref: ./components/schemas/Pet.yaml
        """;

    private static SchemaFile Root() => new("/p/api/root.yaml", RootText, "P.Store", "StoreClient");

    private static SchemaFile Pet(string description = "A pet.", string extra = "") => new(
        "/p/api/components/schemas/Pet.yaml",
        $$"""
        type: object
        description: {{description}}
        required: [name]
        properties:
          name: { type: string, minLength: 1 }
          owner: { $ref: Owner.yaml }
        {{extra}}
        """,
        Part: true);

    private static readonly SchemaFile Owner = new(
        "/p/api/components/schemas/Owner.yaml",
        """
        type: object
        properties:
          email: { type: string }
        """,
        Part: true);

    private static readonly SchemaFile Pets = new(
        "/p/api/paths/pets.yaml",
        """
        get:
          operationId: listPets
          parameters:
            - $ref: ../components/parameters/limit.yaml
          responses:
            "200":
              description: The pets.
              content:
                application/json:
                  schema:
                    type: array
                    items: { $ref: ../components/schemas/Pet.yaml }
        post:
          operationId: addPet
          requestBody:
            required: true
            content:
              application/json:
                schema: { $ref: ../components/schemas/Pet.yaml }
          responses:
            "201": { description: Added. }
        """,
        Part: true);

    private static readonly SchemaFile Limit = new(
        "/p/api/components/parameters/limit.yaml",
        """
        name: limit
        in: query
        schema: { type: integer, minimum: 1 }
        """,
        Part: true);

    private static readonly SchemaFile Unrelated = new("/p/api/notes/unused.json", """{ "type": "string" }""", Part: true);

    [Fact]
    public void Schemas_of_part_files_become_types_of_the_root_once_and_path_items_and_parameters_read_as_inline()
    {
        GeneratorResult result = GeneratorHarness.Run(Root(), Pet(), Owner, Pets, Limit, Unrelated);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string pet = result.Source("P.Store.Pet.g.cs");
        Assert.True(pet.Contains("public required string Name { get; init; }", StringComparison.Ordinal), pet);
        Assert.True(pet.Contains("public Owner? Owner { get; init; }", StringComparison.Ordinal), string.Join("\n", pet.Split('\n').Where(static l => l.Contains("Owner", StringComparison.Ordinal))));
        Assert.Contains("P.Store.Owner.g.cs", result.Sources.Select(static s => s.HintName));

        // Pet is referred to from three places and generated once; the parts make no types of their own.
        Assert.DoesNotContain(result.Sources, static s => s.HintName.StartsWith("P.Store.Pet2", StringComparison.Ordinal));
        Assert.All(result.Sources, static s => Assert.StartsWith("P.Store.", s.HintName, StringComparison.Ordinal));

        string client = result.Source("P.Store.StoreClient.g.cs");
        Assert.Contains("ListPetsAsync(", client, StringComparison.Ordinal);
        Assert.Contains("limit", client, StringComparison.Ordinal);
        Assert.Contains("AddPetAsync(Pet ", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_item_in_a_file_that_is_no_part_is_a_located_warning()
    {
        GeneratorResult result = GeneratorHarness.Run(Root(), Pet(), Owner);

        Diagnostic missing = Assert.Single(result.SchemaAnalyzerDiagnostics, static d => d.Id == "SB0055");
        FileLinePositionSpan span = missing.Location.GetLineSpan();
        Assert.Equal("/p/api/root.yaml", span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);
        Assert.Contains("'/p/api/paths/pets.yaml'", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
    }

    [Fact]
    public void A_problem_in_a_part_is_located_in_the_part_file()
    {
        var broken = new SchemaFile(
            "/p/api/components/schemas/Owner.yaml",
            """
            type: object
            properties:
              email: { $ref: "#/$defs/Missing" }
            """,
            Part: true);

        GeneratorResult result = GeneratorHarness.Run(Root(), Pet(), broken, Pets, Limit);

        Diagnostic unresolved = Assert.Single(result.SchemaAnalyzerDiagnostics, static d => d.Id == "SB0005");
        FileLinePositionSpan span = unresolved.Location.GetLineSpan();
        Assert.Equal("/p/api/components/schemas/Owner.yaml", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal("\"#/$defs/Missing\"", broken.Text.Split('\n')[2].Substring(span.StartLinePosition.Character, span.EndLinePosition.Character - span.StartLinePosition.Character));
    }

    private static readonly SchemaFile Shapes = new(
        "/p/shapes/shapes.schema.json",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Shapes",
          "type": "object",
          "properties": { "circle": { "$ref": "defs/circle.json" } }
        }
        """,
        "P.Shapes");

    private static readonly SchemaFile Circle = new(
        "/p/shapes/defs/circle.json",
        """{ "type": "object", "required": ["radius"], "properties": { "radius": { "type": "number", "exclusiveMinimum": 0 } } }""",
        Part: true);

    [Fact]
    public void A_json_schema_document_reads_its_parts_into_its_defs()
    {
        GeneratorResult result = GeneratorHarness.Run(Shapes, Circle);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Contains("public Circle? Circle { get; init; }", result.Source("P.Shapes.Shapes.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public required double Radius { get; init; }", result.Source("P.Shapes.Circle.g.cs"), StringComparison.Ordinal);

        // The embedded document is the bundled one: its validator needs no other file.
        string document = result.Source("P.Shapes.ShapesJsonSchema.g.cs");
        Assert.Contains("#/$defs/circle", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parts_with_the_same_file_name_get_two_names_and_a_part_may_refer_back_into_the_root()
    {
        var root = new SchemaFile(
            "/p/zoo/zoo.yaml",
            """
            openapi: 3.1.0
            info: { title: Zoo, version: "1" }
            paths: {}
            components:
              schemas:
                Keeper: { type: object, properties: { name: { type: string } } }
                Enclosure:
                  type: object
                  properties:
                    cat: { $ref: cats/Animal.yaml }
                    dog: { $ref: dogs/Animal.yaml }
            """,
            "P.Zoo");
        var cat = new SchemaFile("/p/zoo/cats/Animal.yaml", "type: object\nproperties:\n  meows: { type: boolean }\n  keeper: { $ref: '../zoo.yaml#/components/schemas/Keeper' }\n", Part: true);
        var dog = new SchemaFile("/p/zoo/dogs/Animal.yaml", "type: object\nproperties:\n  barks: { type: boolean }\n", Part: true);

        GeneratorResult result = GeneratorHarness.Run(root, cat, dog);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string enclosure = result.Source("P.Zoo.Enclosure.g.cs");
        Assert.Contains("public Animal? Cat { get; init; }", enclosure, StringComparison.Ordinal);
        Assert.Contains("public Animal2? Dog { get; init; }", enclosure, StringComparison.Ordinal);
        Assert.Contains("public Keeper? Keeper { get; init; }", result.Source("P.Zoo.Animal.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public bool? Barks { get; init; }", result.Source("P.Zoo.Animal2.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_may_refer_to_another_schemabindapi_file_by_a_path_relative_to_the_part()
    {
        var common = new SchemaFile(
            "/p/schemas/common.schema.json",
            """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Common", "$defs": { "Address": { "type": "object", "properties": { "city": { "type": "string" } } } } }""",
            "P.Common");
        var home = new SchemaFile(
            "/p/api/components/schemas/Home.yaml",
            "type: object\nproperties:\n  address: { $ref: '../../../schemas/common.schema.json#/$defs/Address' }\n",
            Part: true);
        var root = new SchemaFile(
            "/p/api/root.yaml",
            "openapi: 3.1.0\ninfo: { title: Homes, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Home: { $ref: components/schemas/Home.yaml }\n",
            "P.Homes");

        GeneratorResult result = GeneratorHarness.Run(common, home, root);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.SchemaAnalyzerDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Contains("public global::P.Common.Address? Address { get; init; }", result.Source("P.Homes.Home.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_openapi_3_0_document_split_over_files_is_upgraded_with_its_parts_and_a_shared_parameter_is_read_in_each_operation()
    {
        var root = new SchemaFile(
            "/p/legacy/api.yaml",
            """
            openapi: 3.0.3
            info: { title: Legacy, version: "1" }
            paths:
              /a:
                get:
                  operationId: getA
                  parameters: [ { $ref: parameters/order.yaml } ]
                  responses:
                    "200": { $ref: responses/item.yaml }
              /b:
                get:
                  operationId: getB
                  parameters: [ { $ref: parameters/order.yaml } ]
                  responses:
                    "200": { $ref: responses/item.yaml }
            """,
            "P.Legacy",
            "LegacyClient");
        var order = new SchemaFile("/p/legacy/parameters/order.yaml", "name: order\nin: query\nschema: { type: string, enum: [asc, desc] }\n", Part: true);
        var item = new SchemaFile(
            "/p/legacy/responses/item.yaml",
            "description: An item.\ncontent:\n  application/json:\n    schema: { $ref: ../schemas/Item.yaml }\n",
            Part: true);
        var itemSchema = new SchemaFile("/p/legacy/schemas/Item.yaml", "type: object\nproperties:\n  note: { type: string, nullable: true }\n", Part: true);

        GeneratorResult result = GeneratorHarness.Run(root, order, item, itemSchema);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        // nullable: true on an optional member: string?, and null is sent when set (NoteSpecified).
        Assert.Contains("public string? Note\n", result.Source("P.Legacy.Item.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public bool NoteSpecified", result.Source("P.Legacy.Item.g.cs"), StringComparison.Ordinal);
        string client = result.Source("P.Legacy.LegacyClient.g.cs");
        Assert.Contains("GetAAsync(", client, StringComparison.Ordinal);
        Assert.Contains("GetBAsync(", client, StringComparison.Ordinal);
        // The parameter part is inlined in both operations: each sends the query parameter "order".
        Assert.True(client.Split("\"order\"").Length - 1 >= 2, client);
    }

    [Fact]
    public void Editing_a_part_regenerates_what_it_changes_and_an_unrelated_edit_changes_nothing()
    {
        SchemaFile[] files = { Root(), Pet(), Owner, Pets, Limit, Unrelated, Shapes, Circle };
        AdditionalText[] texts = files.Select(GeneratorHarness.ToAdditionalText).ToArray();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, files);
        var compilation = GeneratorHarness.CreateCompilation("namespace UserProject { internal static class Marker { } }");
        driver = driver.RunGenerators(compilation);

        // A C# edit: nothing runs again.
        GeneratorDriver afterCode = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Other { }", GeneratorHarness.ParseOptions)));
        IncrementalTests.AssertNothingRan(afterCode.GetRunResult().Results.Single());

        // An edit to a part no document mentions: no document is parsed again, no generated file changes.
        var unrelated = new SchemaFile(Unrelated.Path, """{ "type": "integer" }""", Part: true);
        GeneratorDriver afterUnrelated = driver.ReplaceAdditionalText(texts[5], GeneratorHarness.ToAdditionalText(unrelated)).RunGenerators(compilation);
        IncrementalTests.AssertNothingRan(afterUnrelated.GetRunResult().Results.Single());

        // Editing Pet.yaml's description parses the store again (not the shapes) and regenerates Pet, not Owner.
        SchemaFile edited = Pet("A pet of the store.");
        GeneratorDriver afterPart = driver.ReplaceAdditionalText(texts[1], GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation);
        GeneratorRunResult partRun = afterPart.GetRunResult().Results.Single();
        foreach (IncrementalGeneratorRunStep parse in partRun.TrackedSteps[SchemaBindGenerator.StepNames.Parse])
        {
            (IncrementalGeneratorRunStep source, int index) = parse.Inputs.Single();
            string path = ((SchemaBind.Generator.Model.SchemaFileInput)source.Outputs[index].Value).Path;
            IncrementalStepRunReason reason = parse.Outputs.Single().Reason;
            Assert.True(path == Root().Path ? reason == IncrementalStepRunReason.Modified : reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, path + ": " + reason);
        }

        string pet = partRun.GeneratedSources.Single(static s => s.HintName == "P.Store.Pet.g.cs").SourceText.ToString();
        Assert.Contains("A pet of the store.", pet, StringComparison.Ordinal);
        Assert.Contains(partRun.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
        IncrementalStepRunReason[] ownerFile = partRun.TrackedSteps[SchemaBindGenerator.StepNames.Files].SelectMany(static s => s.Outputs)
            .Where(static o => o.Value.ToString()!.Contains("Name = Owner,", StringComparison.Ordinal)).Select(static o => o.Reason).ToArray();
        Assert.NotEmpty(ownerFile);
        Assert.All(ownerFile, static r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }
}
