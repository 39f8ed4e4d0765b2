using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaBind.Generator.Tests;

/// <summary>$refs from one schema file of a project into another.</summary>
public sealed class CrossFileReferenceTests
{
    private static readonly SchemaFile Common = new(
        "/p/schemas/common.schema.json",
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Common",
          "$defs": {
            "Address": {
              "type": "object",
              "description": "A postal address.",
              "required": ["city"],
              "properties": {
                "street": { "type": "string" },
                "city": { "type": "string", "minLength": 1 }
              }
            },
            "Status": { "type": "string", "enum": ["OPEN", "CLOSED"] }
          }
        }
        """,
        "P.Common");

    private static SchemaFile Orders(string reference = "../schemas/common.schema.json#/$defs/Address") => new(
        "/p/api/orders.openapi.json",
        $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Orders", "version": "1" },
          "paths": {},
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["id", "shipTo"],
                "properties": {
                  "id": { "type": "integer" },
                  "shipTo": { "$ref": "{{reference}}" },
                  "status": { "$ref": "../schemas/common.schema.json#/$defs/Status" }
                }
              }
            }
          }
        }
        """,
        "P.Orders");

    [Fact]
    public void A_property_typed_by_another_files_schema_uses_that_files_generated_type()
    {
        GeneratorResult result = GeneratorHarness.Run(Common, Orders());

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        string order = result.Source("P.Orders.Order.g.cs");
        Assert.Contains("public required global::P.Common.Address ShipTo { get; init; }", order, StringComparison.Ordinal);
        Assert.Contains("public global::P.Common.Status? Status { get; init; }", order, StringComparison.Ordinal);

        // The JSON validator of orders reaches common's embedded document at the URI its $ref gives.
        string document = result.Source("P.Orders.OrdersJsonSchema.g.cs");
        Assert.Contains("new global::System.Uri(\"https://schemabind.invalid/api/orders.openapi.json\")", document, StringComparison.Ordinal);
        Assert.Contains("\"https://schemabind.invalid/schemas/common.schema.json\" => SB::JsonSchemaValidator.ReadDocument(global::P.Common.CommonJsonSchema.Utf8Json)", document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_with_a_null_alternative_in_another_file_is_nullable_where_it_is_used()
    {
        var shared = new SchemaFile(
            "/p/schemas/ids.schema.json",
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Ids",
              "$defs": { "Ref": { "anyOf": [ { "type": "string" }, { "type": "integer" }, { "type": "null" } ] } }
            }
            """,
            "P.Ids");
        var user = new SchemaFile(
            "/p/schemas/user.schema.json",
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "User",
              "type": "object",
              "required": ["manager"],
              "properties": { "manager": { "$ref": "ids.schema.json#/$defs/Ref" } }
            }
            """,
            "P.Users");
        GeneratorResult result = GeneratorHarness.Run(shared, user);

        GeneratorResult.AssertNone(result.SchemaDiagnostics);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        // As in its own file: null is one of its values, so a required member of that type may hold null.
        Assert.Contains("public required global::P.Ids.Ref? Manager { get; init; }", result.Source("P.Users.User.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_file_that_is_not_in_the_project_is_an_error_at_the_reference()
    {
        SchemaFile orders = Orders("../schemas/missing.schema.json#/$defs/Address");
        GeneratorResult result = GeneratorHarness.Run(Common, orders);

        Diagnostic diagnostic = Assert.Single(result.SchemaDiagnostics, static d => d.Id == "SB0005");
        Assert.Equal(orders.Path, diagnostic.Location.GetLineSpan().Path);
        string quoted = "\"../schemas/missing.schema.json#/$defs/Address\"";
        Assert.Equal(orders.Text.IndexOf(quoted, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Contains("missing.schema.json", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        GeneratorResult.AssertNone(result.CompilationDiagnostics); // the rest still generates (ShipTo as JSON)
    }

    [Fact]
    public void A_reference_to_a_schema_without_a_type_of_its_own_is_read_as_JSON_with_a_warning()
    {
        GeneratorResult result = GeneratorHarness.Run(Common, Orders("../schemas/common.schema.json#/$defs/Nothing"));

        Diagnostic diagnostic = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0010", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Descriptor.DefaultSeverity);
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Matches(@"STJ::JsonElement\?? ShipTo \{", result.Source("P.Orders.Order.g.cs"));
    }

    [Fact]
    public void A_reference_to_a_component_schema_that_no_operation_uses_is_typed_only_with_Schemas_All()
    {
        var catalog = new SchemaFile(
            "/p/api/catalog.openapi.json",
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Catalog", "version": "1" },
              "paths": { "/items": { "get": { "operationId": "listItems", "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } } } } } } },
              "components": { "schemas": {
                "Item": { "type": "object", "properties": { "name": { "type": "string" } } },
                "Stored": { "type": "object", "properties": { "id": { "type": "string" } } }
              } }
            }
            """,
            "P.Catalog");
        var archive = new SchemaFile(
            "/p/api/archive.schema.json",
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Archive",
              "type": "object",
              "properties": { "entry": { "$ref": "catalog.openapi.json#/components/schemas/Stored" } }
            }
            """,
            "P.Archive");

        // Stored is not generated (no operation of the catalog uses it): the reference is read as JSON, with a warning.
        GeneratorResult used = GeneratorHarness.Run(catalog, archive);
        GeneratorResult.AssertNone(used.CompilationDiagnostics);
        Assert.Null(used.Output.GetTypeByMetadataName("P.Catalog.Stored"));
        Assert.Contains(used.SchemaDiagnostics, static d => d.Id == "SB0056" && d.Location.GetLineSpan().Path == "/p/api/catalog.openapi.json");
        Assert.Contains(used.SchemaDiagnostics, static d => d.Id == "SB0010" && d.Location.GetLineSpan().Path == "/p/api/archive.schema.json");
        Assert.Matches(@"STJ::JsonElement\?? Entry \{", used.Source("P.Archive.Archive.g.cs"));

        // With Schemas="All" on the catalog it is, and the archive uses its type.
        GeneratorResult all = GeneratorHarness.Run(catalog with { Metadata = new Dictionary<string, string> { ["SchemaBindSchemas"] = "All" } }, archive);
        GeneratorResult.AssertNone(all.SchemaDiagnostics);
        GeneratorResult.AssertNone(all.CompilationDiagnostics);
        Assert.Contains("global::P.Catalog.Stored? Entry { get; init; }", all.Source("P.Archive.Archive.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_description_in_the_referenced_file_does_not_parse_the_referencing_file_again()
    {
        SchemaFile orders = Orders();
        AdditionalText commonText = GeneratorHarness.ToAdditionalText(Common);
        AdditionalText ordersText = GeneratorHarness.ToAdditionalText(orders);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace P { class A { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([commonText, ordersText], [Common, orders]).RunGenerators(compilation);

        SchemaFile edited = Common with { Text = Common.Text.Replace("A postal address.", "Where an order goes.", StringComparison.Ordinal) };
        GeneratorRunResult rerun = driver.ReplaceAdditionalText(commonText, GeneratorHarness.ToAdditionalText(edited)).RunGenerators(compilation).GetRunResult().Results.Single();

        // Common's exports (type names by pointer) did not change, so the second parse of orders is cached.
        var resolve = rerun.TrackedSteps[SchemaBindGenerator.StepNames.Resolve].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(2, resolve.Count);
        Assert.Equal(1, resolve.Count(static r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, resolve.Count(static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(
            rerun.TrackedSteps[SchemaBindGenerator.StepNames.Exports].SelectMany(static s => s.Outputs),
            static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains("Where an order goes.", rerun.GeneratedSources.Single(static s => s.HintName == "P.Common.Address.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
