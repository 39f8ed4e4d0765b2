using Microsoft.CodeAnalysis;
using SchemaBind.Generator.Parsing;

namespace SchemaBind.Generator.Tests;

/// <summary>Operation subsetting: the item's IncludeTags, ExcludeOperations, ... and only the types the kept operations reach.</summary>
public sealed class SubsetTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "servers": [ { "url": "https://shop.example/" } ],
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets", "tags": ["pets"],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Animal" } } } } } }
              },
              "post": {
                "operationId": "addPet", "tags": ["pets"],
                "requestBody": { "$ref": "#/components/requestBodies/NewPet" },
                "responses": { "201": { "description": "added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              }
            },
            "/pets/{id}": {
              "parameters": [ { "$ref": "#/components/parameters/PetId" } ],
              "delete": { "operationId": "deletePet", "tags": ["pets"], "responses": { "204": { "description": "gone" } } }
            },
            "/stores/{id}/orders": {
              "get": {
                "operationId": "listOrders", "tags": ["stores"],
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } } } } } }
              }
            },
            "/users": {
              "get": {
                "operationId": "listUsers", "tags": ["users"],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/User" } } } } }
              }
            }
          },
          "components": {
            "parameters": { "PetId": { "name": "id", "in": "path", "required": true, "schema": { "$ref": "#/components/schemas/PetKey" } } },
            "requestBodies": { "NewPet": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } } } } },
            "schemas": {
              "Animal": {
                "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                "discriminator": { "propertyName": "kind", "mapping": { "cat": "#/components/schemas/Cat", "dog": "Dog" } }
              },
              "Cat": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "cat" }, "lives": { "type": "integer" } } },
              "Dog": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "dog" }, "owner": { "$ref": "#/components/schemas/Owner" } } },
              "Owner": { "type": "object", "properties": { "name": { "type": "string" } } },
              "Pet": { "type": "object", "properties": { "name": { "type": "string" }, "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } } } },
              "Tag": { "type": "object", "properties": { "label": { "type": "string" } } },
              "NewPet": { "type": "object", "properties": { "name": { "type": "string" } }, "examples": [ { "$ref": "#/components/schemas/Unused" } ] },
              "PetKey": { "type": "string", "minLength": 1 },
              "Order": { "type": "object", "properties": { "id": { "type": "string" }, "status": { "$ref": "#/components/schemas/OrderStatus" } } },
              "OrderStatus": { "type": "string", "enum": ["open", "shipped"] },
              "User": { "type": "object", "properties": { "name": { "type": "string" } } },
              "Unused": { "type": "object", "properties": { "x": { "type": "string" } } }
            }
          }
        }
        """;

    private static GeneratorResult Run(string text, params (string Name, string Value)[] metadata) =>
        GeneratorHarness.Run(new SchemaFile("/p/shop.json", text, "Shop")
        {
            Metadata = metadata.ToDictionary(static m => "SchemaBind" + m.Name, static m => m.Value),
        });

    private static string[] TypeNames(GeneratorResult result) =>
        result.Output.GetSymbolsWithName(static _ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(static t => t.ContainingNamespace.ToDisplayString() == "Shop" && t.ContainingType is null && t.TypeKind != TypeKind.Interface && !t.Name.EndsWith("Json", StringComparison.Ordinal) && !t.Name.StartsWith("Shop", StringComparison.Ordinal))
            .Select(static t => t.Name)
            .OrderBy(static n => n, StringComparer.Ordinal)
            .ToArray();

    private static string[] Methods(GeneratorResult result) =>
        result.Output.GetTypeByMetadataName("Shop.IShopClient")!.GetMembers().Select(static m => m.Name).Where(static n => !n.EndsWith("WithResponseAsync", StringComparison.Ordinal)).OrderBy(static n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void One_tag_generates_its_operations_and_only_the_types_they_reach()
    {
        GeneratorResult result = Run(Api, ("IncludeTags", "pets"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);

        Assert.Equal(new[] { "AddPetAsync", "DeletePetAsync", "ListPetsAsync" }, Methods(result));

        // Through $ref, a union's cases (oneOf and mapping), properties, items, a parameter and a request body of components;
        // not through an example, which is an instance.
        Assert.Equal(new[] { "Animal", "Cat", "Dog", "NewPet", "Owner", "Pet", "Tag" }, TypeNames(result));

        Diagnostic summary = Assert.Single(result.SchemaDiagnostics);
        Assert.Equal("SB0046", summary.Id);
        Assert.Equal(DiagnosticSeverity.Info, summary.Severity);
        Assert.Equal(
            "The SchemaBindApi item's operation filters keep 3 of the document's 5 operations; the others are not generated, nor are the 4 component schemas that no kept operation reaches",
            summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, summary.Location.GetLineSpan().StartLinePosition.Line); // "paths", line 5

        // The embedded document keeps the component schemas the kept operations reach, at the same pointers; the
        // operations themselves are left out of it, as for any OpenAPI document whose validation never reads them.
        string document = result.Source("Shop.ShopJsonSchema.g.cs");
        Assert.Contains("\"Owner\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/pets/{id}\":{", document, StringComparison.Ordinal);
        Assert.Contains("\"PetId\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Unused\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"OrderStatus\":{", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/stores/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("listUsers", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_paths_and_operationIds_combine_include_then_exclude()
    {
        // Semicolons or commas separate entries; an include of any kind keeps, an exclude of any kind then removes.
        GeneratorResult result = Run(Api, ("IncludeTags", "pets; stores"), ("ExcludeOperations", "DELETEPET"), ("IncludePaths", "/users"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        Assert.Equal(new[] { "AddPetAsync", "ListOrdersAsync", "ListPetsAsync", "ListUsersAsync" }, Methods(result));
        Assert.Contains("OrderStatus", TypeNames(result));
        Assert.DoesNotContain("Unused", TypeNames(result));

        GeneratorResult byPath = Run(Api, ("ExcludePaths", "/pets,/users"));
        Assert.Equal(new[] { "ListOrdersAsync" }, Methods(byPath));
        Assert.Equal(new[] { "Order", "OrderStatus" }, TypeNames(byPath));
    }

    [Fact]
    public void A_type_keeps_its_name_whatever_the_filter()
    {
        // "pet" and "Pet" both want the name Pet; the second is Pet2, also when a filter leaves out the first.
        string api = Api.Replace("\"Unused\": {", "\"Pet\": {", StringComparison.Ordinal)
            .Replace("\"Pet\": { \"type\": \"object\", \"properties\": { \"name\"", "\"pet\": { \"type\": \"object\", \"properties\": { \"name\"", StringComparison.Ordinal)
            .Replace("\"#/components/schemas/Pet\"", "\"#/components/schemas/pet\"", StringComparison.Ordinal)
            .Replace("\"User\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }", "\"User\": { \"type\": \"object\", \"properties\": { \"pet\": { \"$ref\": \"#/components/schemas/Pet\" } } }", StringComparison.Ordinal);
        GeneratorResult all = Run(api);
        GeneratorResult subset = Run(api, ("IncludeOperations", "listUsers"));
        GeneratorResult.AssertNone(subset.CompilationDiagnostics);
        Assert.Contains("Pet", TypeNames(all));
        Assert.Contains("Pet2", TypeNames(all));
        Assert.Equal(new[] { "Pet2", "User" }, TypeNames(subset));
    }

    [Fact]
    public void Without_a_filter_every_component_schema_is_generated()
    {
        GeneratorResult result = Run(Api);
        Assert.Contains("Unused", TypeNames(result));
        Assert.Contains("User", TypeNames(result));
        Assert.DoesNotContain(result.SchemaDiagnostics, static d => d.Id is "SB0045" or "SB0046");
        Assert.Contains("\"Unused\":{", result.Source("Shop.ShopJsonSchema.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_entry_that_matches_no_operation_is_a_located_warning()
    {
        GeneratorResult result = Run(Api, ("IncludeTags", "pets,petz"), ("ExcludeOperations", "repos/delete"), ("IncludePaths", "/nothing/**"));
        GeneratorResult.AssertNone(result.CompilationDiagnostics);
        var warnings = result.SchemaDiagnostics.Where(static d => d.Id == "SB0045").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, static w => Assert.Equal(DiagnosticSeverity.Warning, w.Descriptor.DefaultSeverity));
        Assert.All(warnings, static w => Assert.Equal(4, w.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "The IncludeTags entry 'petz' of the SchemaBindApi item matches no operation of the document: the document's tags are 'pets', 'stores', 'users'");
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("The ExcludeOperations entry 'repos/delete' ", StringComparison.Ordinal));
        Assert.Contains(warnings, static w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("The IncludePaths entry '/nothing/**' ", StringComparison.Ordinal));
        Assert.Equal(new[] { "AddPetAsync", "DeletePetAsync", "ListPetsAsync" }, Methods(result));
    }

    [Fact]
    public void A_filter_that_keeps_nothing_still_compiles_and_a_JSON_Schema_document_warns()
    {
        GeneratorResult none = Run(Api, ("IncludeTags", "nothing"));
        GeneratorResult.AssertNone(none.CompilationDiagnostics);
        Assert.Empty(Methods(none));
        Assert.Empty(TypeNames(none));

        GeneratorResult schema = GeneratorHarness.Run(new SchemaFile("/p/thing.schema.json", """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": { "a": { "type": "string" } } }""", "Things")
        {
            Metadata = new Dictionary<string, string> { ["SchemaBindIncludeTags"] = "pets" },
        });
        GeneratorResult.AssertNone(schema.CompilationDiagnostics);
        Diagnostic warning = Assert.Single(schema.SchemaDiagnostics);
        Assert.Equal("SB0045", warning.Id);
        Assert.Contains("a JSON Schema document has no operations", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotNull(schema.Output.GetTypeByMetadataName("Things.Thing"));
    }

    [Theory]
    [InlineData("/pets", "/pets", true)]
    [InlineData("/pets", "/pets/{id}", true)]
    [InlineData("/pets/", "/pets/{id}", true)]
    [InlineData("pets", "/pets/{id}", true)]
    [InlineData("/pets", "/petshop", false)]
    [InlineData("/", "/anything", true)]
    [InlineData("/stores/*/orders", "/stores/{id}/orders", true)]
    [InlineData("/stores/*", "/stores/{id}/orders", false)]
    [InlineData("/stores/**", "/stores", true)]
    [InlineData("/stores/**", "/stores/{id}/orders", true)]
    [InlineData("/stores/**/orders", "/stores/{id}/x/orders", true)]
    [InlineData("/stores/{id}*", "/stores/{id}.json", true)]
    [InlineData("/Pets", "/pets", false)]
    public void Path_entries_are_segment_prefixes_or_globs(string pattern, string path, bool matches) =>
        Assert.Equal(matches, OperationSubset.PathMatches(pattern, path));

    [Theory]
    [InlineData("repos", "Repos", true)]
    [InlineData("repos/*", "repos/list-for-org", true)]
    [InlineData("repos/*", "issues/list", false)]
    [InlineData("*-for-org", "repos/list-for-org", true)]
    [InlineData("repos", "repos2", false)]
    public void Tag_and_operationId_entries_match_whole_in_any_case_or_as_globs(string pattern, string name, bool matches) =>
        Assert.Equal(matches, OperationSubset.NameMatches(pattern, name));
}
